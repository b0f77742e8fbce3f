// SPDX-License-Identifier: MIT
/*
 * bench-status: how long iommutool status takes against reading its inputs.
 * On a sysroot (the q35 VT-d fixture from ../shared when present, else
 * tests/sysroots/intel-enabled.desc): iommu_status_new() against a plain
 * read() of every file below the sysroot, in the same run, best of ROUNDS.
 * On this machine, when virt-host-validate is installed: `iommutool status`
 * against `virt-host-validate qemu`, each a process, best of ROUNDS.
 */
#include <fcntl.h>
#include <ftw.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "libiommu.h"

#define ROUNDS 30

extern char **environ;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static unsigned long long bytes_read;

static int read_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	char buf[65536];
	ssize_t n;
	int fd;

	(void)st;
	(void)ftw;
	if (type != FTW_F)
		return 0;
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		bytes_read += (unsigned long long)n;
	close(fd);
	return 0;
}

/* The best of ROUNDS runs of ARGV as a process, its output discarded; < 0 when it cannot run. */
static double best_process(char *const argv[])
{
	posix_spawn_file_actions_t fa;
	double best = 1e9;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	for (int round = 0; round < ROUNDS; round++) {
		double t = now();
		pid_t pid;
		int status;

		if (posix_spawn(&pid, argv[0], &fa, NULL, argv, environ) != 0 ||
		    waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) == 127) {
			best = -1;
			break;
		}
		if (now() - t < best)
			best = now() - t;
	}
	posix_spawn_file_actions_destroy(&fa);
	return best;
}

static const char *make_sysroot(char *dir)
{
	static char root[4200];
	char cmd[16384];
	const char *tarball = "../shared/fixtures/q35-vtd-legacy/sysfs.tar.zst";

	snprintf(root, sizeof(root), "%s/root", dir);
	if (access(tarball, R_OK) == 0) {
		snprintf(cmd, sizeof(cmd), "mkdir -p %s && zstd -q -dc %s | tar -x -C %s 2>/dev/null && "
			 "cp -R ../shared/fixtures/q35-vtd-legacy/sysroot/sys/firmware %s/sys/",
			 root, tarball, root, root);
		if (system(cmd) == 0) {
			printf("sysroot: the q35 VT-d fixture (a real guest's sysfs, procfs, tables and log)\n");
			return root;
		}
	}
	snprintf(cmd, sizeof(cmd), "tests/sysroots/make-sysroot.sh tests/sysroots/intel-enabled.desc %s",
		 root);
	if (system(cmd) != 0)
		return NULL;
	printf("sysroot: tests/sysroots/intel-enabled.desc\n");
	return root;
}

int main(void)
{
	const char *tmp = getenv("TMPDIR"), *root;
	double read_time = 1e9, status_time = 1e9, tool, vhv;
	char dir[4096], cmd[4200];
	struct iommu_ctx *ctx;
	bool ok = true;
	static char tool_path[] = "build/iommutool", vhv_path[] = "/usr/bin/virt-host-validate";
	static char status_word[] = "status", qemu_word[] = "qemu";
	char *const tool_argv[] = { tool_path, status_word, NULL };
	char *const vhv_argv[] = { vhv_path, qemu_word, NULL };

	snprintf(dir, sizeof(dir), "%s/iommutool-bench.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir) || !(root = make_sysroot(dir)) || iommu_ctx_new(&ctx) < 0 ||
	    iommu_ctx_set_sysroot(ctx, root) < 0) {
		fprintf(stderr, "cannot set up the sysroot\n");
		return 1;
	}
	for (int round = 0; round < ROUNDS; round++) {
		struct iommu_status *st = NULL;
		double t = now();

		bytes_read = 0;
		nftw(root, read_one, 16, FTW_PHYS);
		if (now() - t < read_time)
			read_time = now() - t;
		t = now();
		if (iommu_status_new(ctx, &st) < 0) {
			fprintf(stderr, "cannot gather the status\n");
			return 1;
		}
		if (now() - t < status_time)
			status_time = now() - t;
		ok &= iommu_status_get_verdict(st) == IOMMU_VERDICT_ENABLED;
		iommu_status_unref(st);
	}
	printf("read every file:     %7.2f ms  (%llu bytes)\n", read_time * 1e3, bytes_read);
	printf("status (library):    %7.2f ms  %.2fx the read's time\n", status_time * 1e3,
	       status_time / read_time);
	iommu_ctx_unref(ctx);

	tool = best_process(tool_argv);
	vhv = best_process(vhv_argv);
	if (tool > 0 && vhv > 0)
		printf("this machine: iommutool status %.1f ms, virt-host-validate qemu %.1f ms: %.2fx  %s\n",
		       tool * 1e3, vhv * 1e3, tool / vhv,
		       tool <= vhv ? "target <= 1x: met" : "target <= 1x: MISSED");
	else
		printf("this machine: virt-host-validate (libvirt-clients) not installed, not compared\n");
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
	return ok ? 0 : 1;
}
