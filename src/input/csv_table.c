/* csv_table.c - reading a CSV file into located fields with libcsv.
 * libcsv reports no positions, so the buffer is fed one byte at a time and
 * the line of every byte is tracked here; the inputs are small. */
#include "input/csv_table.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input/encoding.h"
#include "util/grow.h"
#include "util/utf8.h"

typedef struct {
  jv_csv_table *t;
  size_t rows_cap;
  jv_csv_row cur; /* the row being built */
  size_t cur_cap;
  int line;       /* physical line of the byte being fed */
  int field_line; /* line where the current field started; 0 = not yet */
  jv_status st;   /* first error met inside a callback */
  unsigned flags; /* JV_CSV_* */
  jv_error *err;
} parse_ctx;

static int is_blank(unsigned char c)
{
  return c == ' ' || c == '\t';
}

static int is_space_not_tab(unsigned char c)
{
  return c == ' ';
}

static void row_free(jv_csv_row *r)
{
  for (size_t i = 0; i < r->n_fields; i++)
    free(r->fields[i].text);
  free(r->fields);
  memset(r, 0, sizeof(*r));
}

void jv_csv_table_free(jv_csv_table *t)
{
  if (!t)
    return;
  for (size_t i = 0; i < t->n_rows; i++)
    row_free(&t->rows[i]);
  free(t->rows);
  free(t->name);
  memset(t, 0, sizeof(*t));
}

/* Lines advanced by text[0..n): "\r\n", "\n" and a lone "\r" each count once,
 * the same way the feeder counts them. */
static int lines_in(const char *text, size_t n)
{
  int lines = 0;
  for (size_t i = 0; i < n; i++) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= n || text[i + 1] != '\n')))
      lines++;
  }
  return lines;
}

/* Checks a completed field for bytes a text value cannot hold. */
static jv_status check_field_bytes(parse_ctx *c, const char *s, size_t len, int line, int col)
{
  const char *nul = memchr(s, '\0', len);
  long bad = jv_utf8_invalid_at(s, len);
  if (nul && (bad < 0 || nul - s < bad))
    return jv_error_set(c->err, JV_EDATA, c->t->name, line + lines_in(s, (size_t)(nul - s)), col,
                        "NUL byte in a field: the file looks like UTF-16 or a binary file; "
                        "save it as CSV in UTF-8");
  if (bad < 0)
    return JV_OK;
  if (bad == 0)
    return jv_error_set(c->err, JV_EDATA, c->t->name, line, col,
                        "invalid UTF-8: byte 0x%02X at the start of the field, and the file "
                        "is not Windows-1252 text either; save it as CSV UTF-8",
                        (unsigned char)s[0]);
  /* show up to 40 bytes before the bad one, starting on a character */
  long from = bad > 40 ? bad - 40 : 0;
  while (from < bad && ((unsigned char)s[from] & 0xC0) == 0x80)
    from++;
  return jv_error_set(c->err, JV_EDATA, c->t->name, line + lines_in(s, (size_t)bad), col,
                      "invalid UTF-8: byte 0x%02X after \"%s%.*s\", and the file is not "
                      "Windows-1252 text either; save it as CSV UTF-8",
                      (unsigned char)s[bad], from > 0 ? "..." : "", (int)(bad - from), s + from);
}

static void on_field(void *s, size_t len, void *data)
{
  parse_ctx *c = data;
  if (c->st != JV_OK)
    return;
  int line = c->field_line ? c->field_line : c->line;
  int col = (int)c->cur.n_fields + 1;
  const char *text = s ? s : "";
  if (!s)
    len = 0;
  c->field_line = 0;
  if ((c->st = check_field_bytes(c, text, len, line, col)) != JV_OK)
    return;
  if (c->cur.n_fields >= JV_CSV_MAX_FIELDS) {
    c->st = jv_error_set(c->err, JV_EDATA, c->t->name, line, col,
                         "more than %u fields in one row: a data file has a column per "
                         "indicator",
                         JV_CSV_MAX_FIELDS);
    return;
  }
  if (jv_grow((void **)&c->cur.fields, &c->cur_cap, c->cur.n_fields + 1, sizeof(*c->cur.fields),
              8) != 0) {
    c->st = jv_error_set(c->err, JV_EINTERNAL, c->t->name, line, col, "out of memory");
    return;
  }
  char *copy = malloc(len + 1);
  if (!copy) {
    c->st = jv_error_set(c->err, JV_EINTERNAL, c->t->name, line, col, "out of memory");
    return;
  }
  memcpy(copy, text, len);
  copy[len] = '\0';
  if (c->cur.n_fields == 0)
    c->cur.line = line;
  c->cur.fields[c->cur.n_fields++] = (jv_csv_field){copy, line, col, 0};
}

static int row_is_empty(const jv_csv_row *r)
{
  for (size_t i = 0; i < r->n_fields; i++)
    if (r->fields[i].text[0] != '\0')
      return 0;
  return 1;
}

static void on_row(int term, void *data)
{
  parse_ctx *c = data;
  (void)term;
  if (c->st != JV_OK)
    return;
  jv_csv_row row = c->cur;
  memset(&c->cur, 0, sizeof(c->cur));
  c->cur_cap = 0;
  /* spreadsheets export untouched rows as ",,,,": they carry nothing */
  if (row_is_empty(&row)) {
    row_free(&row);
    return;
  }
  jv_csv_table *t = c->t;
  /* a separator at the end of every line (";" after the last cell) adds an
   * empty field: it carries nothing */
  if (t->n_rows > 0 && !(c->flags & JV_CSV_ANY_WIDTH))
    while (row.n_fields > t->rows[0].n_fields && !row.fields[row.n_fields - 1].text[0])
      free(row.fields[--row.n_fields].text);
  if (t->n_rows > 0 && row.n_fields > t->rows[0].n_fields && !(c->flags & JV_CSV_ANY_WIDTH)) {
    const jv_csv_field *extra = &row.fields[t->rows[0].n_fields];
    c->st = jv_error_set(c->err, JV_EDATA, t->name, extra->line, extra->column,
                         "row has %zu fields but the header has %zu: is there an unquoted "
                         "'%c' inside a value (a decimal comma, or text that needs quotes)?",
                         row.n_fields, t->rows[0].n_fields, t->delim);
    row_free(&row);
    return;
  }
  /* the field array grew by doubling: give back what the row does not use,
   * so that memory stays proportional to the file */
  if (row.n_fields > 0) {
    jv_csv_field *fit = realloc(row.fields, row.n_fields * sizeof(*fit));
    if (fit)
      row.fields = fit;
  }
  if (t->n_rows >= JV_CSV_MAX_ROWS) {
    c->st = jv_error_set(c->err, JV_EDATA, t->name, row.line, 1,
                         "more than %u rows: a data file has a row per municipality (under 400 "
                         "in the country); is a list repeated?",
                         JV_CSV_MAX_ROWS);
    row_free(&row);
    return;
  }
  if (jv_grow((void **)&t->rows, &c->rows_cap, t->n_rows + 1, sizeof(*t->rows), 32) != 0) {
    c->st = jv_error_set(c->err, JV_EINTERNAL, t->name, row.line, 1, "out of memory");
    row_free(&row);
    return;
  }
  t->rows[t->n_rows++] = row;
}

/* The separator that occurs most often outside quotes on the first lines
 * (',' on a tie): Dutch spreadsheets export with ';' because ',' is their
 * decimal mark, and "Unicode-tekst" with tabs. More than one line, because a
 * title row above the header may hold none. */
static char sniff_delim(const char *buf, size_t len)
{
  size_t commas = 0, semis = 0, tabs = 0;
  int quoted = 0, lines = 0;
  for (size_t i = 0; i < len && lines < 5; i++) {
    char ch = buf[i];
    if (ch == '"')
      quoted = !quoted;
    else if (!quoted && ch == '\n')
      lines++;
    else if (!quoted && ch == ',')
      commas++;
    else if (!quoted && ch == ';')
      semis++;
    else if (!quoted && ch == '\t')
      tabs++;
  }
  if (tabs > commas && tabs > semis)
    return '\t';
  return semis > commas ? ';' : ',';
}

void jv_csv_table_drop_empty_columns(jv_csv_table *t, size_t header)
{
  jv_csv_row *h = &t->rows[header];
  for (size_t r = header + 1; r < t->n_rows; r++) {
    jv_csv_row *row = &t->rows[r];
    while (row->n_fields > h->n_fields && !row->fields[row->n_fields - 1].text[0])
      free(row->fields[--row->n_fields].text);
  }
  while (h->n_fields > 1 && !h->fields[h->n_fields - 1].text[0]) {
    size_t k = h->n_fields - 1;
    for (size_t r = header + 1; r < t->n_rows; r++)
      if (t->rows[r].n_fields > k && t->rows[r].fields[k].text[0])
        return;
    for (size_t r = header; r < t->n_rows; r++)
      while (t->rows[r].n_fields > k)
        free(t->rows[r].fields[--t->rows[r].n_fields].text);
  }
}

/* Feeds buf to libcsv byte by byte, keeping c->line on the byte being fed. */
static jv_status feed(parse_ctx *c, struct csv_parser *p, const char *buf, size_t len)
{
  for (size_t i = 0; i < len && c->st == JV_OK; i++) {
    unsigned char b = (unsigned char)buf[i];
    if (c->field_line == 0 && b != '\n' && b != '\r' && !is_blank(b))
      c->field_line = c->line;
    if (csv_parse(p, buf + i, 1, on_field, on_row, c) != 1) {
      if (c->st != JV_OK)
        break;
      if (csv_error(p) == CSV_EPARSE)
        return jv_error_set(c->err, JV_EDATA, c->t->name, c->line, (int)c->cur.n_fields + 1,
                            "malformed quoting: a '\"' inside an unquoted field or text after "
                            "a closing quote; quote the whole field and write a '\"' inside "
                            "it as \"\"");
      return jv_error_set(c->err, JV_EINTERNAL, c->t->name, c->line, 0, "csv parser: %s",
                          csv_strerror(csv_error(p)));
    }
    if (b == '\n' || (b == '\r' && (i + 1 >= len || buf[i + 1] != '\n')))
      c->line++;
  }
  return c->st;
}

jv_status jv_csv_table_parse(jv_csv_table *out, const char *name, const char *buf, size_t len,
                             jv_error *err)
{
  return jv_csv_table_parse_flags(out, name, buf, len, 0, err);
}

jv_status jv_csv_table_parse_flags(jv_csv_table *out, const char *name, const char *raw,
                                   size_t raw_len, unsigned flags, jv_error *err)
{
  memset(out, 0, sizeof(*out));
  out->name = strdup(name ? name : "");
  if (!out->name)
    return jv_error_set(err, JV_EINTERNAL, name, 0, 0, "out of memory");
  char *buf = NULL;
  size_t len = 0;
  jv_status st = jv_encoding_to_utf8(name, raw, raw_len, &buf, &len, &out->encoding, err);
  if (st != JV_OK) {
    jv_csv_table_free(out);
    return st;
  }
  out->delim = sniff_delim(buf, len);

  struct csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
    free(buf);
    jv_csv_table_free(out);
    return jv_error_set(err, JV_EINTERNAL, name, 0, 0, "out of memory");
  }
  csv_set_delim(&p, (unsigned char)out->delim);
  if (out->delim == '\t') /* a tab separates; libcsv would trim it as space */
    csv_set_space_func(&p, is_space_not_tab);
  parse_ctx c = {.t = out, .line = 1, .st = JV_OK, .flags = flags, .err = err};
  st = feed(&c, &p, buf, len);
  if (st == JV_OK) {
    /* where an unterminated quote began: the field still open at the end */
    int open_line = c.field_line ? c.field_line : c.line;
    int open_col = (int)c.cur.n_fields + 1;
    if (csv_fini(&p, on_field, on_row, &c) != 0 && c.st == JV_OK)
      c.st = jv_error_set(err, JV_EDATA, name, open_line, open_col,
                          "unterminated quoted field: the '\"' that opens it is never "
                          "closed");
    st = c.st;
  }
  csv_free(&p);
  free(buf);
  row_free(&c.cur);
  if (st == JV_OK && out->n_rows == 0)
    st = jv_error_set(err, JV_EDATA, name, 1, 1, "empty file: expected a header line");
  if (st == JV_OK && !(flags & JV_CSV_ANY_WIDTH))
    jv_csv_table_drop_empty_columns(out, 0);
  if (st != JV_OK)
    jv_csv_table_free(out);
  return st;
}

jv_status jv_csv_table_read(jv_csv_table *out, const char *path, jv_error *err)
{
  return jv_csv_table_read_flags(out, path, 0, err);
}

jv_status jv_csv_table_read_flags(jv_csv_table *out, const char *path, unsigned flags,
                                  jv_error *err)
{
  memset(out, 0, sizeof(*out));
  struct stat sb;
  if (stat(path, &sb) != 0)
    return jv_error_set(err, JV_ENOINPUT, path, 0, 0, "cannot open: %s", strerror(errno));
  if (!S_ISREG(sb.st_mode))
    return jv_error_set(err, JV_ENOINPUT, path, 0, 0, "not a regular file");
  if ((unsigned long long)sb.st_size > JV_CSV_MAX_BYTES)
    return jv_error_set(err, JV_EDATA, path, 0, 0, "file too large (%lld bytes; at most %u)",
                        (long long)sb.st_size, JV_CSV_MAX_BYTES);
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return jv_error_set(err, JV_ENOINPUT, path, 0, 0, "cannot open: %s", strerror(errno));
  size_t cap = (size_t)sb.st_size + 1, len = 0;
  char *buf = malloc(cap);
  if (!buf) {
    fclose(fp);
    return jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
  }
  /* read to EOF rather than trusting st_size: the file may change under us */
  for (;;) {
    if (len == cap) {
      if (cap > JV_CSV_MAX_BYTES) {
        free(buf);
        fclose(fp);
        return jv_error_set(err, JV_EDATA, path, 0, 0, "file too large");
      }
      if (jv_grow((void **)&buf, &cap, len + 1, 1, 0) != 0) {
        free(buf);
        fclose(fp);
        return jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
      }
    }
    size_t n = fread(buf + len, 1, cap - len, fp);
    len += n;
    if (n == 0)
      break;
  }
  int failed = ferror(fp);
  fclose(fp);
  if (failed) {
    free(buf);
    return jv_error_set(err, JV_EIO, path, 0, 0, "read error");
  }
  jv_status st = jv_csv_table_parse_flags(out, path, buf, len, flags, err);
  free(buf);
  return st;
}
