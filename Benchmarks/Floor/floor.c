// The floor of the site benchmark (BENCHMARKS.md, "The floor"): what libcmark alone takes to
// render a corpus's article bodies and write them out, from C on two threads, as issue #7
// describes it. No front matter parsed beyond skipping it, no model, no templates, no feeds,
// no search index: one HTML file per article, in a folder of its own, as sitegen writes an
// article's page.
//
//     floor ARTICLES_FOLDER OUTPUT_FOLDER [THREADS]
//
// reads every `.md` file under ARTICLES_FOLDER, and writes OUTPUT_FOLDER/<i>/index.html for
// the i-th of them (in the order the folder walk found them). OUTPUT_FOLDER must not exist.
// Prints the number of articles and bytes written; exits 1 on any error.
//
// Its time is a yardstick for the VM's phase: measured in the same minutes as sitegen's
// builds, the ratio of the two says how the code fares when the machine's speed moves.

#define _GNU_SOURCE
#include <cmark.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char **paths;
static size_t count, capacity;
static const char *output;
static atomic_size_t next;
static atomic_size_t written;
static atomic_int failed;

static int collect(const char *path, const struct stat *info, int kind, struct FTW *walk) {
    (void)info, (void)walk;
    size_t length = strlen(path);
    if (kind != FTW_F || length < 3 || strcmp(path + length - 3, ".md") != 0) return 0;
    if (count == capacity) {
        capacity = capacity ? 2 * capacity : 1024;
        paths = realloc(paths, capacity * sizeof *paths);
        if (!paths) return -1;
    }
    paths[count++] = strdup(path);
    return 0;
}

// The whole file, or NULL.
static char *read_file(const char *path, size_t *length) {
    int descriptor = open(path, O_RDONLY);
    if (descriptor < 0) return NULL;
    struct stat info;
    char *text = NULL;
    if (fstat(descriptor, &info) == 0 && (text = malloc((size_t)info.st_size + 1))) {
        size_t done = 0;
        while (done < (size_t)info.st_size) {
            ssize_t got = read(descriptor, text + done, (size_t)info.st_size - done);
            if (got <= 0) { free(text); text = NULL; break; }
            done += (size_t)got;
        }
        *length = done;
    }
    close(descriptor);
    return text;
}

// The text after a front matter block (`---` lines), or all of it.
static const char *body(const char *text, size_t *length) {
    if (*length < 4 || strncmp(text, "---\n", 4) != 0) return text;
    const char *end = memmem(text + 4, *length - 4, "\n---\n", 5);
    if (!end) return text;
    const char *start = end + 5;
    *length -= (size_t)(start - text);
    return start;
}

static int write_all(const char *path, const char *bytes, size_t length) {
    int descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (descriptor < 0) return -1;
    size_t done = 0;
    while (done < length) {
        ssize_t put = write(descriptor, bytes + done, length - done);
        if (put < 0) { if (errno == EINTR) continue; close(descriptor); return -1; }
        done += (size_t)put;
    }
    return close(descriptor);
}

static void *work(void *unused) {
    (void)unused;
    char folder[4096], file[4200];
    for (size_t index; (index = atomic_fetch_add(&next, 1)) < count && !atomic_load(&failed);) {
        size_t length = 0;
        char *text = read_file(paths[index], &length);
        if (!text) { perror(paths[index]); atomic_store(&failed, 1); break; }
        const char *markdown = body(text, &length);
        char *html = cmark_markdown_to_html(markdown, length, CMARK_OPT_DEFAULT);
        size_t size = strlen(html);
        snprintf(folder, sizeof folder, "%s/%zu", output, index);
        snprintf(file, sizeof file, "%s/index.html", folder);
        if (mkdir(folder, 0755) != 0 || write_all(file, html, size) != 0) {
            perror(file);
            atomic_store(&failed, 1);
        }
        atomic_fetch_add(&written, size);
        free(html);
        free(text);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: floor ARTICLES_FOLDER OUTPUT_FOLDER [THREADS]\n");
        return 1;
    }
    output = argv[2];
    int threads = argc == 4 ? atoi(argv[3]) : 2;
    if (threads < 1 || threads > 64) { fprintf(stderr, "floor: THREADS must be 1 to 64\n"); return 1; }
    if (nftw(argv[1], collect, 32, FTW_PHYS) != 0) { perror(argv[1]); return 1; }
    if (mkdir(output, 0755) != 0) { perror(output); return 1; }
    pthread_t pool[64];
    for (int i = 0; i < threads; i++) pthread_create(&pool[i], NULL, work, NULL);
    for (int i = 0; i < threads; i++) pthread_join(pool[i], NULL);
    if (atomic_load(&failed)) return 1;
    printf("%zu articles, %zu bytes of HTML\n", count, atomic_load(&written));
    return 0;
}
