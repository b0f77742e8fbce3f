/* SPDX-License-Identifier: MIT */
/*
 * Bits of 64-bit registers and table entries, as the specifications number
 * them (bit 0 the least significant), in the spirit of the kernel's
 * include/linux/bits.h and bitfield.h.  Every macro works in 64 bits, for
 * every width from 1 to 64.
 */
#ifndef LIBIOMMU_BITS_H
#define LIBIOMMU_BITS_H

#include <stdint.h>

/* Bit N. */
#define BIT(n)		(1ULL << (n))
/* Bits H down to L, both included (H >= L). */
#define GENMASK(h, l)	((~0ULL >> (63 - (h))) & ~(BIT(l) - 1))
/* The value of bits H down to L of V, shifted down to bit 0. */
#define FIELD(v, h, l)	(((uint64_t)(v) & GENMASK(h, l)) >> (l))

#endif
