// SPDX-License-Identifier: MIT
/*
 * The IOMMU units the kernel initialised: one entry per unit in
 * /sys/class/iommu (Documentation/ABI/testing/sysfs-class-iommu*): dmarN
 * with intel-iommu/{address,cap,ecap} (VT-d), ivhdN with
 * amd-iommu/{cap,features} (AMD-Vi, see amd_features()), smmu3.0xADDR and
 * smmu.0xADDR (Arm SMMUv3, SMMUv1/v2), and virtio-iommu units named after
 * their virtio device.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "live/live.h"

#define CLASS_DIR "/sys/class/iommu"

static int read_hex(struct iommu_ctx *ctx, const char *name, const char *attr, uint64_t *ret)
{
	char path[256], *line, *end;
	int r;

	snprintf(path, sizeof(path), CLASS_DIR "/%s/%s", name, attr);
	r = sysroot_read_line(ctx, path, &line);
	if (r < 0)
		return r;
	errno = 0;
	*ret = strtoull(line, &end, 16);
	r = errno || end == line || *end ? -EBADMSG : 0;
	free(line);
	return r;
}

/* RELEASE ("6.1.0-56-amd64") is MAJOR.MINOR or later; false when it does not parse. */
static bool release_at_least(const char *release, unsigned int major, unsigned int minor)
{
	unsigned int a, b;

	if (!release || sscanf(release, "%u.%u", &a, &b) != 2)
		return false;
	return a > major || (a == major && b >= minor);
}

/*
 * drivers/iommu/amd/init.c amd_iommu_show_features(): "EFR" before Linux 6.0;
 * "EFR2:EFR" from 6.0 (iommu->features2, iommu->features) and "EFR:EFR2" from 6.7
 * (amd_iommu_efr, amd_iommu_efr2, commit 7b7563a93437).  When the release is unknown,
 * a half that is zero is EFR2: a unit with an EFR2 has an EFR with bits set.
 */
static int amd_features(struct iommu_ctx *ctx, struct iommu_unit *u)
{
	char path[256], *line, *end, *release;
	uint64_t first, second;
	int r;

	snprintf(path, sizeof(path), CLASS_DIR "/%s/amd-iommu/features", u->name);
	r = sysroot_read_line(ctx, path, &line);
	if (r < 0)
		return r;
	errno = 0;
	first = strtoull(line, &end, 16);
	r = errno || end == line ? -EBADMSG : 0;
	if (r == 0 && *end == ':') {
		char *tail = end + 1;

		second = strtoull(tail, &end, 16);
		r = errno || end == tail || *end ? -EBADMSG : 0;
		release = sysroot_kernel_release(ctx);
		if (release ? !release_at_least(release, 6, 7) : (first == 0 && second != 0)) {
			u->efr = second;
			u->efr2 = first;
		} else {
			u->efr = first;
			u->efr2 = second;
		}
		free(release);
	} else if (r == 0) {
		r = *end ? -EBADMSG : 0;
		u->efr = first;
		u->efr2 = 0;
	}
	free(line);
	return r;
}

/*
 * Linux names a virtio-iommu after its virtio transport's device: a PCI function
 * 1af4:1057 (virtio 1.2 §4.1.2.1: 0x1040 + device ID 23) or a virtio-mmio platform device.
 */
static bool is_virtio_iommu(struct iommu_ctx *ctx, const struct iommu_unit *u)
{
	char path[256], *vendor = NULL, *device = NULL;
	bool virtio;

	if (u->target && strstr(u->target, "virtio"))
		return true;
	snprintf(path, sizeof(path), CLASS_DIR "/%s/device/vendor", u->name);
	if (sysroot_read_line(ctx, path, &vendor) < 0)
		return false;
	snprintf(path, sizeof(path), CLASS_DIR "/%s/device/device", u->name);
	if (sysroot_read_line(ctx, path, &device) < 0)
		device = NULL;
	virtio = strcmp(vendor, "0x1af4") == 0 && device && strcmp(device, "0x1057") == 0;
	free(vendor);
	free(device);
	return virtio;
}

static void classify(struct iommu_ctx *ctx, struct iommu_unit *u)
{
	const char *hex;

	if (strncmp(u->name, "dmar", 4) == 0) {
		u->vendor = IOMMU_VENDOR_INTEL;
		u->model = "Intel VT-d";
		if (read_hex(ctx, u->name, "intel-iommu/address", &u->address) < 0)
			u->address = IOMMU_NO_ADDRESS;
		u->have_cap = read_hex(ctx, u->name, "intel-iommu/cap", &u->cap) == 0;
		u->have_ecap = read_hex(ctx, u->name, "intel-iommu/ecap", &u->ecap) == 0;
	} else if (strncmp(u->name, "ivhd", 4) == 0) {
		u->vendor = IOMMU_VENDOR_AMD;
		u->model = "AMD-Vi";
		u->have_efr = amd_features(ctx, u) == 0;
	} else if (strncmp(u->name, "smmu3.", 6) == 0 || strncmp(u->name, "smmu.", 5) == 0) {
		u->vendor = IOMMU_VENDOR_ARM;
		u->model = u->name[4] == '3' ? "Arm SMMUv3" : "Arm SMMU";
		/* The name carries the register base: "smmu3.0x0000000009050000". */
		hex = strstr(u->name, ".0x");
		if (hex)
			u->address = strtoull(hex + 3, NULL, 16);
	} else if (is_virtio_iommu(ctx, u)) {
		u->vendor = IOMMU_VENDOR_VIRTIO;
		u->model = "virtio-iommu";
	} else {
		u->model = "unknown IOMMU";
	}
}

static int decode_registers(struct iommu_unit *u)
{
	int r = 0;

	if (u->have_cap || u->have_ecap)
		r = iommu_vtd_caps_decode(u->cap, u->have_cap, u->ecap, u->have_ecap, &u->registers);
	else if (u->have_efr)
		r = iommu_amd_efr_decode(u->efr, u->efr2, &u->registers);
	return r == -ENOMEM ? r : 0;
}

static int read_unit(struct iommu_ctx *ctx, struct iommu_unit *u)
{
	char path[256], **devices;
	size_t count;

	u->address = IOMMU_NO_ADDRESS;
	snprintf(path, sizeof(path), CLASS_DIR "/%s", u->name);
	if (sysroot_readlink(ctx, path, &u->target) < 0)
		u->target = NULL;
	classify(ctx, u);
	snprintf(path, sizeof(path), CLASS_DIR "/%s/devices", u->name);
	if (sysroot_list_dir(ctx, path, &devices, &count) == 0) {
		u->ndevices = count;
		strv_free(devices, count);
	}
	return decode_registers(u);
}

int status_units_read(struct iommu_ctx *ctx, struct iommu_status *st)
{
	struct iommu_unit **tail = &st->units;
	char **names;
	size_t count;
	int r = sysroot_list_class(ctx, CLASS_DIR, &names, &count);

	if (r < 0)
		return r;
	for (size_t i = 0; i < count && r == 0; i++) {
		struct iommu_unit *u = calloc(1, sizeof(*u));

		if (!u || !(u->name = strdup(names[i]))) {
			free(u);
			r = -ENOMEM;
			break;
		}
		*tail = u;
		tail = &u->next;
		r = read_unit(ctx, u);
	}
	strv_free(names, count);
	return r;
}

/*
 * Linux names the unit of the Nth IVHD of the type it uses "ivhdN"
 * (drivers/iommu/amd/init.c); that IVHD's IOMMU Base Address is the unit's
 * (AMD IOMMU 3.10 §5.2.2.1).  -ENOMEM only: an IVRS that cannot be read leaves
 * the addresses unknown.
 */
int status_units_locate_amd(struct iommu_status *st, struct iommu_table *table)
{
	struct iommu_ivrs *ivrs;
	const struct iommu_ivrs_unit *iu;
	int r;

	if (!table)
		return 0;
	r = iommu_ivrs_new(table, &ivrs);
	if (r < 0)
		return r == -ENOMEM ? r : 0;
	for (struct iommu_unit *u = st->units; u; u = u->next) {
		unsigned int index;
		char end;

		if (u->vendor != IOMMU_VENDOR_AMD || u->address != IOMMU_NO_ADDRESS ||
		    sscanf(u->name, "ivhd%u%c", &index, &end) != 1)
			continue;
		iommu_ivrs_foreach_unit(ivrs, iu)
			if (iommu_ivrs_unit_get_index(iu) == index) {
				u->address = iommu_ivrs_unit_get_base_address(iu);
				u->address_from_ivrs = true;
			}
	}
	iommu_ivrs_unref(ivrs);
	return 0;
}

void status_units_free(struct iommu_unit *units)
{
	while (units) {
		struct iommu_unit *u = units;

		units = u->next;
		iommu_dnode_unref(u->registers);
		free(u->translation_basis);
		free(u->name);
		free(u->target);
		free(u);
	}
}

size_t status_unit_count(const struct iommu_status *st)
{
	size_t n = 0;

	for (const struct iommu_unit *u = st->units; u; u = u->next)
		n++;
	return n;
}

IOMMU_EXPORT struct iommu_unit *iommu_status_get_first_unit(const struct iommu_status *status)
{
	return status->units;
}

IOMMU_EXPORT struct iommu_unit *iommu_unit_get_next(const struct iommu_unit *unit)
{
	return unit->next;
}

IOMMU_EXPORT const char *iommu_unit_get_name(const struct iommu_unit *unit)
{
	return unit->name;
}

IOMMU_EXPORT enum iommu_vendor iommu_unit_get_vendor(const struct iommu_unit *unit)
{
	return unit->vendor;
}

IOMMU_EXPORT const char *iommu_unit_get_model(const struct iommu_unit *unit)
{
	return unit->model;
}

IOMMU_EXPORT uint64_t iommu_unit_get_address(const struct iommu_unit *unit)
{
	return unit->address;
}

IOMMU_EXPORT size_t iommu_unit_get_device_count(const struct iommu_unit *unit)
{
	return unit->ndevices;
}

IOMMU_EXPORT const struct iommu_dnode *iommu_unit_get_registers(const struct iommu_unit *unit)
{
	return unit->registers;
}
