/* cmd_batch.c - `jaarverslag batch`: options and exit codes; the work is in
 * pipeline/batch_run.c. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "pipeline/batch.h"
#include "pipeline/map_job.h"
#include "util/error.h"

/* 128 + SIGINT, what a shell reports for a command stopped by Ctrl-C. */
#define EXIT_INTERRUPTED 130

static void usage(FILE *out)
{
  fprintf(out, "Usage: jaarverslag batch PROJECT... [-j N] [-o OUTDIR] [--buckets LIST]\n"
               "                           [--template FILE]\n\n"
               "Builds every output of one or more projects that is out of date: one report\n"
               "PDF per project and school year, and per school year the national annex\n"
               "with the ministry letter's maps over the municipalities of all projects.\n"
               "A PROJECT is a project folder of 'jaarverslag init' (its school years\n"
               "PROJECT/<schooljaar>/ in it) or a folder of projects or regions\n"
               "(PROJECT/<regio>/<schooljaar>/); each data directory is as for 'report\n"
               "--data', its corrections in its correcties/. Each project uses its own\n"
               "sjabloon/, project.csv, gemeenten.csv and reeksen.csv when present.\n\n"
               "Outputs all go to OUTDIR, named after the project's folder:\n"
               "jaarverslag-<project>-<schooljaar>.pdf and bijlage-kaarten-<schooljaar>.pdf;\n"
               "two projects with the same folder name are refused (exit 64), so two\n"
               "projects of one region and year need different folder names.\n\n"
               "An output is out of date when the SHA-256 of its inputs (data and\n"
               "correction files, templates, fonts, municipality lists, boundaries, map\n"
               "classes, the program) differs from OUTDIR/manifest.tsv, or its file is\n"
               "missing or changed. Timestamps are not used. See docs/batch.md.\n\n"
               "Options:\n"
               "  -j, --jobs N        build N outputs at once (default: number of CPUs)\n"
               "  -o, --output DIR    where outputs and manifest.tsv go (default PROJECT/out\n"
               "                      for one PROJECT; required for more)\n"
               "  -b, --buckets LIST  map class edges per 1.000 (default 0,1,2,3,5)\n"
               "  -t, --template FILE every report with this template (default: a project's\n"
               "                      own sjabloon/jaarverslag.md, else the bundled)\n"
               "  -h, --help          show this help\n\n"
               "Prints one line per output ([3/40] gebouwd regio/2017-2018 (0,21 s); actueel;\n"
               "mislukt), each report's template warnings as 'jaarverslag batch:\n"
               "<project>/<schooljaar>: FILE:LINE: warning: ...', and a summary. A failing\n"
               "output does not stop the others; its previous file stays. Ctrl-C stops\n"
               "starting outputs, ends the running ones and keeps every finished output and\n"
               "the manifest; the next run goes on.\n\n"
               "Exit status: 0 every output built or up to date; otherwise the status of the\n"
               "first failed output (65 malformed data, 66 missing input, 70 internal error\n"
               "or crash, 73 output cannot be created, 74 write error such as a full disk);\n"
               "64 wrong usage, 66 a PROJECT missing or without data directories (nothing is\n"
               "built then), 73 OUTDIR cannot be created or another batch is writing to it,\n"
               "130 interrupted.\n");
}

static int fail_usage(const char *fmt, const char *arg)
{
  return jv_cli_usage_error("batch", fmt, arg);
}

int jv_cmd_batch(int argc, char **argv)
{
  static const struct option opts[] = {
      {"jobs", required_argument, NULL, 'j'},    {"output", required_argument, NULL, 'o'},
      {"buckets", required_argument, NULL, 'b'}, {"template", required_argument, NULL, 't'},
      {"help", no_argument, NULL, 'h'},          {NULL, 0, NULL, 0}};
  jv_batch_opts o;
  memset(&o, 0, sizeof(o));
  jv_buckets buckets;
  jv_error err;
  jv_error_clear(&err);
  int c;
  while ((c = getopt_long(argc, argv, "j:o:b:t:h", opts, NULL)) != -1) {
    switch (c) {
    case 'j': {
      char *end;
      errno = 0;
      long n = strtol(optarg, &end, 10);
      if (errno || end == optarg || *end || n < 1 || n > 1024)
        return fail_usage("-j %s: expected a number of jobs from 1 to 1024", optarg);
      o.jobs = (int)n;
      break;
    }
    case 'o':
      o.outdir = optarg;
      break;
    case 'b':
      if (jv_map_buckets_parse(&buckets, optarg, &err) != JV_OK) {
        fprintf(stderr, "jaarverslag batch: %s\n", err.msg);
        return JV_EUSAGE;
      }
      o.buckets = &buckets;
      break;
    case 't':
      o.template_path = optarg;
      break;
    case 'h':
      usage(stdout);
      return 0;
    default:
      usage(stderr);
      return JV_EUSAGE;
    }
  }
  if (optind >= argc)
    return fail_usage("%s", "no PROJECT directory given");
  o.projects = (const char *const *)(argv + optind);
  o.n_projects = (size_t)(argc - optind);

  jv_env env;
  jv_batch_summary sum;
  memset(&sum, 0, sizeof(sum));
  jv_status st = jv_env_init(&env, &err);
  if (st == JV_OK)
    st = jv_batch_run(&env, &o, &sum, &err);
  if (st != JV_OK) {
    fprintf(stderr, "jaarverslag batch: ");
    jv_error_print(&err, stderr);
  }
  return sum.interrupted ? EXIT_INTERRUPTED : (int)st;
}
