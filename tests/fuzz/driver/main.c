/*
 * A main() for the fuzz targets where libFuzzer is absent (make
 * fuzz-plain): each file named is read into a buffer of exactly its size,
 * so a sanitizer sees a read past the end, and given to the target once.
 * A target reports a broken invariant by aborting; this exits 2 when a
 * file cannot be read.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
runfile(const char *path)
{
	FILE *fp;
	char *buf = NULL, *exact;
	size_t len = 0, cap = 0, n;

	if ((fp = fopen(path, "rb")) == NULL) {
		perror(path);
		return -1;
	}
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((buf = realloc(buf, cap)) == NULL) {
				perror(path);
				exit(2);
			}
		}
		if ((n = fread(buf + len, 1, cap - len, fp)) == 0)
			break;
		len += n;
	}
	if (ferror(fp)) {
		perror(path);
		fclose(fp);
		free(buf);
		return -1;
	}
	fclose(fp);
	/* a copy of exactly len bytes (malloc(0) may give NULL: one byte) */
	if ((exact = malloc(len ? len : 1)) == NULL) {
		perror(path);
		exit(2);
	}
	memcpy(exact, buf, len);
	free(buf);
	LLVMFuzzerTestOneInput((const uint8_t *)exact, len);
	free(exact);
	return 0;
}

int
main(int argc, char *argv[])
{
	int i, st = 0;

	for (i = 1; i < argc; i++) {
		fprintf(stderr, "Running: %s\n", argv[i]);
		if (runfile(argv[i]) != 0)
			st = 2;
	}
	return st;
}
