/* batch_run.c - running a batch: one child process per output (a crash or a
 * leak in one build cannot take the others down, and no module has to be
 * reentrant), at most `jobs` at a time; the parent alone writes the
 * manifest, after every completed output. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "pipeline/batch_int.h"
#include "util/strbuf.h"
#include "render/atomic_file.h"
#include "stats/format.h"

/* Set by the SIGINT/SIGTERM handler. A signal handler can only reach
 * file-scope state, hence the one static variable of this program. */
static volatile sig_atomic_t g_stop;

static void on_stop(int sig)
{
  (void)sig;
  g_stop = 1;
}

/* Installed only so that sigsuspend returns when a child ends. */
static void on_child(int sig)
{
  (void)sig;
}

typedef struct {
  struct sigaction old_int, old_term, old_chld, old_xfsz;
  sigset_t old_mask; /* the mask before the run: children get it back */
} signal_state;

static void signals_install(signal_state *s)
{
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sigemptyset(&sa.sa_mask);
  sa.sa_handler = on_stop;
  sigaction(SIGINT, &sa, &s->old_int);
  sigaction(SIGTERM, &sa, &s->old_term);
  sa.sa_handler = on_child;
  sigaction(SIGCHLD, &sa, &s->old_chld);
  /* a full disk or `ulimit -f` must fail a write with EFBIG, which the
   * atomic writers handle, instead of killing the process */
  sa.sa_handler = SIG_IGN;
  sigaction(SIGXFSZ, &sa, &s->old_xfsz);
  sigset_t block;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGTERM);
  sigaddset(&block, SIGCHLD);
  sigprocmask(SIG_BLOCK, &block, &s->old_mask);
}

static void signals_restore(const signal_state *s)
{
  sigaction(SIGINT, &s->old_int, NULL);
  sigaction(SIGTERM, &s->old_term, NULL);
  sigaction(SIGCHLD, &s->old_chld, NULL);
  sigaction(SIGXFSZ, &s->old_xfsz, NULL);
  sigprocmask(SIG_SETMASK, &s->old_mask, NULL);
}

static double now_seconds(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* "0,21" */
static const char *dutch_seconds(double s, char *buf, size_t size)
{
  return jv_format_decimal(s, 2, buf, size);
}

/* ---- one child -------------------------------------------------------- */

static int build_child(const jv_env *env, const jv_batch_plan *p, const jv_batch_output *o)
{
  jv_error err;
  jv_error_clear(&err);
  jv_status st;
  if (o->kind == JV_BATCH_REPORT) {
    /* the report's warnings (template blocks left out, data cross-checks),
     * each line named after its output, in one write */
    char *wbuf = NULL;
    size_t wlen = 0;
    FILE *wmem = open_memstream(&wbuf, &wlen);
    jv_report_opts ro = {.data_dir = p->project.units[o->unit].dir,
                         .output = o->path,
                         .template_path = o->template_path,
                         .warnings = wmem};
    st = jv_job_report(env, &ro, &err);
    if (wmem) {
      fclose(wmem);
      jv_strbuf lines = {0};
      for (char *l = wbuf; l && *l;) {
        char *e = strchr(l, '\n');
        size_t n = e ? (size_t)(e - l) : strlen(l);
        jv_strbuf_addf(&lines, "jaarverslag batch: %s: %.*s\n", o->id, (int)n, l);
        l += n + (e != NULL);
      }
      char *text = jv_strbuf_detach(&lines);
      if (text)
        fputs(text, stderr);
      free(text);
      free(wbuf);
    }
  } else {
    st = jv_batch__annex(env, p, o, &err);
  }
  if (st != JV_OK) {
    /* one write, so that messages of parallel children do not interleave */
    char *msg = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&msg, &len);
    if (mem) {
      fprintf(mem, "jaarverslag batch: %s: ", o->id);
      jv_error_print(&err, mem);
      fclose(mem);
      fputs(msg, stderr);
      free(msg);
    }
  }
  fflush(stderr);
  return st;
}

typedef struct {
  pid_t pid;
  size_t out; /* index into plan->outs */
  double start;
} running_job;

typedef struct {
  const jv_env *env;
  jv_batch_plan *plan;
  jv_manifest manifest;
  FILE *progress;
  size_t done;       /* progress lines printed */
  jv_status *status; /* per output: JV_OK or why it failed */
  bool *finished;
  running_job *run;
  size_t n_run;
  jv_batch_summary *sum;
  jv_status manifest_st; /* first failure to write the manifest */
  jv_error manifest_err;
  const signal_state *sig;
  pid_t parent; /* this process, as the children see it */
} runner;

static jv_status start(runner *r, size_t i)
{
  fflush(NULL); /* nothing buffered may be written twice */
  pid_t pid = fork();
  if (pid < 0)
    return JV_EINTERNAL;
  if (pid == 0) {
    /* a parent killed with SIGKILL takes its workers along: none goes on
     * writing outputs the manifest will never record */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != r->parent)
      _exit(JV_EINTERNAL); /* it died before prctl */
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGCHLD, SIG_DFL);
    sigprocmask(SIG_SETMASK, &r->sig->old_mask, NULL);
    _exit(build_child(r->env, r->plan, &r->plan->outs[i]));
  }
  r->run[r->n_run++] = (running_job){pid, i, now_seconds()};
  return JV_OK;
}

static void record_built(runner *r, const jv_batch_output *o)
{
  jv_digest written;
  jv_error err;
  jv_status st = jv_hash_file(o->path, &written, &err);
  if (st == JV_OK && jv_manifest_set(&r->manifest, o->id, o->file, &o->inputs, &written) != JV_OK)
    st = jv_error_set(&err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  if (st == JV_OK)
    st = jv_manifest_write(&r->manifest, r->plan->manifest_path, &err);
  if (st != JV_OK && r->manifest_st == JV_OK) {
    /* the output is fine but unrecorded: the next run rebuilds it */
    r->manifest_st = JV_ECANTCREAT;
    r->manifest_err = err;
  }
}

static void finish(runner *r, size_t k, int wstatus)
{
  running_job job = r->run[k];
  r->run[k] = r->run[--r->n_run];
  const jv_batch_output *o = &r->plan->outs[job.out];
  char secs[32];
  dutch_seconds(now_seconds() - job.start, secs, sizeof(secs));
  r->finished[job.out] = true;
  if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0) {
    record_built(r, o);
    r->sum->built++;
    fprintf(r->progress, "[%zu/%zu] gebouwd %s (%s s)\n", ++r->done, r->sum->total, o->id, secs);
  } else if (WIFSIGNALED(wstatus) && g_stop &&
             (WTERMSIG(wstatus) == SIGINT || WTERMSIG(wstatus) == SIGTERM)) {
    jv_batch__remove_temporaries(r->plan->outdir, o->file);
    r->finished[job.out] = false; /* not failed: interrupted, counted as not built */
  } else {
    jv_batch__remove_temporaries(r->plan->outdir, o->file);
    int code = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : JV_EINTERNAL;
    r->status[job.out] = (jv_status)code;
    r->sum->failed++;
    if (WIFSIGNALED(wstatus))
      fprintf(r->progress, "[%zu/%zu] mislukt %s (%s s, afgebroken door signaal %d)\n", ++r->done,
              r->sum->total, o->id, secs, WTERMSIG(wstatus));
    else
      fprintf(r->progress, "[%zu/%zu] mislukt %s (%s s, status %d)\n", ++r->done, r->sum->total,
              o->id, secs, code);
  }
  fflush(r->progress);
}

/* Reaps every child that has ended; returns how many. */
static size_t reap(runner *r)
{
  size_t n = 0;
  for (;;) {
    int ws;
    pid_t pid = waitpid(-1, &ws, WNOHANG);
    if (pid <= 0)
      break;
    for (size_t k = 0; k < r->n_run; k++)
      if (r->run[k].pid == pid) {
        finish(r, k, ws);
        n++;
        break;
      }
  }
  return n;
}

/* The order to build in: annexes first, they take longest and would
 * otherwise run alone at the end. */
static size_t build_queue(const jv_batch_plan *p, size_t *queue)
{
  size_t n = 0;
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < p->n; i++)
      if (!p->outs[i].current && (p->outs[i].kind == JV_BATCH_ANNEX) == (pass == 0))
        queue[n++] = i;
  return n;
}

static void run_all(runner *r, int jobs)
{
  jv_batch_plan *p = r->plan;
  size_t *queue = calloc(p->n + 1, sizeof(*queue));
  if (!queue) {
    r->manifest_st = JV_EINTERNAL;
    jv_error_set(&r->manifest_err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
    return;
  }
  size_t nq = build_queue(p, queue), next = 0;
  bool killed = false;
  for (;;) {
    while (!g_stop && r->n_run < (size_t)jobs && next < nq) {
      size_t i = queue[next++];
      if (start(r, i) != JV_OK) {
        r->status[i] = JV_EINTERNAL;
        r->finished[i] = true;
        r->sum->failed++;
        fprintf(r->progress, "[%zu/%zu] mislukt %s (fork: %s)\n", ++r->done, r->sum->total,
                p->outs[i].id, strerror(errno));
      }
    }
    if (g_stop && !killed) {
      for (size_t k = 0; k < r->n_run; k++)
        kill(r->run[k].pid, SIGTERM);
      killed = true;
    }
    if (r->n_run == 0 && (g_stop || next == nq))
      break;
    if (reap(r) == 0)
      sigsuspend(&r->sig->old_mask);
  }
  r->sum->skipped = 0;
  for (size_t q = 0; q < nq; q++)
    r->sum->skipped += !r->finished[queue[q]];
  free(queue);
}

/* ---- the run ---------------------------------------------------------- */

static jv_status prepare(const jv_batch_opts *o, char *outdir, size_t size, jv_error *err)
{
  if (o->n_projects == 0)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "no project directory given");
  for (size_t i = 0; i < o->n_projects; i++) {
    struct stat sb;
    if (stat(o->projects[i], &sb) != 0 || !S_ISDIR(sb.st_mode))
      return jv_error_set(err, JV_ENOINPUT, o->projects[i], 0, 0, "no such project directory");
  }
  if (o->outdir)
    snprintf(outdir, size, "%s", o->outdir);
  else if (o->n_projects > 1)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                        "%zu projects given: say with -o OUTDIR where their outputs go",
                        o->n_projects);
  else if (snprintf(outdir, size, "%s/out", o->projects[0]) >= (int)size)
    return jv_error_set(err, JV_ECANTCREAT, o->projects[0], 0, 0, "path too long");
  return jv_batch__make_outdir(outdir, err);
}

static void print_summary(const runner *r)
{
  const jv_batch_summary *s = r->sum;
  char secs[32];
  dutch_seconds(s->seconds, secs, sizeof(secs));
  fprintf(r->progress, "%s: %zu gebouwd, %zu actueel, %zu mislukt",
          s->interrupted ? "onderbroken" : "klaar", s->built, s->current, s->failed);
  if (s->skipped)
    fprintf(r->progress, ", %zu niet gebouwd", s->skipped);
  fprintf(r->progress, " (%s s)\n", secs);
  fflush(r->progress);
}

static jv_status outcome(const runner *r, jv_error *err)
{
  const jv_batch_plan *p = r->plan;
  for (size_t i = 0; i < p->n; i++)
    if (r->status[i] != JV_OK)
      return jv_error_set(err, r->status[i], NULL, 0, 0,
                          "%zu of %zu outputs failed, the first %s (its message is above); "
                          "their previous files are untouched",
                          r->sum->failed, r->sum->total, p->outs[i].id);
  if (r->manifest_st != JV_OK) {
    *err = r->manifest_err;
    return r->manifest_st;
  }
  return JV_OK;
}

jv_status jv_batch_run(const jv_env *env, const jv_batch_opts *o, jv_batch_summary *sum,
                       jv_error *err)
{
  memset(sum, 0, sizeof(*sum));
  double t0 = now_seconds();
  char outdir[PATH_MAX];
  int lock = -1;
  jv_status st = prepare(o, outdir, sizeof(outdir), err);
  if (st == JV_OK)
    st = jv_batch__lock_outdir(outdir, &lock, err);
  jv_batch_plan plan;
  memset(&plan, 0, sizeof(plan));
  if (st == JV_OK)
    st = jv_batch__plan(&plan, env, o, outdir, err);
  /* an output that is a FIFO, device or directory: refused before any work,
   * and never opened to hash it */
  for (size_t i = 0; st == JV_OK && i < plan.n; i++)
    st = jv_atomic_check_target(plan.outs[i].path, err);
  runner r;
  memset(&r, 0, sizeof(r));
  jv_manifest_init(&r.manifest);
  if (st == JV_OK) {
    jv_error merr;
    if (jv_manifest_read(&r.manifest, plan.manifest_path, &merr) != JV_OK) {
      /* unusable record: rebuild everything rather than refuse to run */
      fprintf(stderr, "jaarverslag batch: ");
      jv_error_print(&merr, stderr);
      fprintf(stderr, "jaarverslag batch: ignoring the manifest; every output is rebuilt\n");
    }
    jv_batch__mark_current(&plan, &r.manifest);
    r.status = calloc(plan.n + 1, sizeof(*r.status));
    r.finished = calloc(plan.n + 1, sizeof(*r.finished));
    r.run = calloc(plan.n + 1, sizeof(*r.run));
    if (!r.status || !r.finished || !r.run)
      st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  if (st == JV_OK) {
    r.env = env;
    r.plan = &plan;
    r.progress = o->progress ? o->progress : stdout;
    r.sum = sum;
    r.parent = getpid();
    sum->total = plan.n;
    int jobs = o->jobs > 0 ? o->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (jobs < 1)
      jobs = 1;
    for (size_t i = 0; i < plan.n; i++) {
      jv_batch__remove_temporaries(outdir, plan.outs[i].file); /* left by a killed earlier run */
      if (plan.outs[i].current) {
        sum->current++;
        fprintf(r.progress, "[%zu/%zu] actueel %s\n", ++r.done, plan.n, plan.outs[i].id);
      }
    }
    jv_batch__remove_temporaries(outdir, JV_MANIFEST_NAME);
    signal_state sig;
    g_stop = 0;
    signals_install(&sig);
    r.sig = &sig;
    run_all(&r, jobs);
    sum->interrupted = g_stop != 0;
    signals_restore(&sig);
    sum->seconds = now_seconds() - t0;
    print_summary(&r);
    st = outcome(&r, err);
  }
  free(r.status);
  free(r.finished);
  free(r.run);
  jv_manifest_free(&r.manifest);
  jv_batch__plan_free(&plan);
  if (lock >= 0)
    close(lock);
  return st;
}
