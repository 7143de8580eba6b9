/* invoer_xlsx.c - writing the fill-in workbook with libxlsxwriter. */
#include "render/invoer_xlsx.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

/* Whole numbers >= 0 or one of the words; relative to the top-left cell. */
static void validation_formula(int first_row, int col, char *buf, size_t size)
{
  char cell[16];
  lxw_rowcol_to_cell(cell, (lxw_row_t)first_row, (lxw_col_t)col);
  snprintf(buf, size,
           "=OR(AND(ISNUMBER(%s),%s>=0,INT(%s)=%s),%s=\"n.b.\",%s=\"nvt\",%s=\"non-respons\")",
           cell, cell, cell, cell, cell, cell, cell);
}

static lxw_error write_group(lxw_workbook *wb, const jv_invoer *in, const char *group,
                             lxw_format *bold, lxw_format *text)
{
  lxw_worksheet *ws = workbook_add_worksheet(wb, group);
  if (!ws)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;
  lxw_error e = worksheet_write_string(ws, 0, 0, "cbs_code", bold);
  if (!e)
    e = worksheet_write_string(ws, 0, 1, "gemeente", bold);
  worksheet_set_column(ws, 0, 0, 10, text);
  worksheet_set_column(ws, 1, 1, 26, NULL);
  int col = 2;
  for (int i = 0; i < JV_IND_COUNT && !e; i++) {
    if (strcmp(jv_indicator_group((jv_indicator)i), group) != 0)
      continue;
    e = worksheet_write_string(ws, 0, (lxw_col_t)col, jv_indicator_name((jv_indicator)i), bold);
    if (!e)
      e = worksheet_write_comment(ws, 0, (lxw_col_t)col, jv_indicator_label((jv_indicator)i));
    col++;
  }
  worksheet_set_column(ws, 2, (lxw_col_t)(col - 1), 14, NULL);
  for (size_t r = 0; r < in->n_munis && !e; r++) {
    e = worksheet_write_string(ws, (lxw_row_t)(r + 1), 0, in->munis[r].code, text);
    if (!e)
      e = worksheet_write_string(ws, (lxw_row_t)(r + 1), 1, in->munis[r].name, NULL);
  }
  if (!e && in->n_munis > 0) {
    char formula[400];
    validation_formula(1, 2, formula, sizeof(formula));
    lxw_data_validation dv = {.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA,
                              .value_formula = formula,
                              .error_title = "Geen aantal",
                              .error_message = "Vul een geheel aantal in (0 of meer), of n.b., "
                                               "nvt of non-respons."};
    e = worksheet_data_validation_range(ws, 1, 2, (lxw_row_t)in->n_munis, (lxw_col_t)(col - 1),
                                        &dv);
  }
  worksheet_freeze_panes(ws, 1, 2);
  return e;
}

static lxw_error write_regio(lxw_workbook *wb, const jv_invoer *in, lxw_format *bold)
{
  lxw_worksheet *ws = workbook_add_worksheet(wb, "regio");
  if (!ws)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;
  char year[16];
  jv_schoolyear_format(in->year, year, sizeof(year));
  worksheet_set_column(ws, 0, 1, 22, NULL);
  lxw_error e = worksheet_write_string(ws, 0, 0, "veld", bold);
  if (!e)
    e = worksheet_write_string(ws, 0, 1, "waarde", bold);
  if (!e)
    e = worksheet_write_string(ws, 1, 0, "regio", NULL);
  if (!e)
    e = worksheet_write_string(ws, 1, 1, in->regio, NULL);
  if (!e)
    e = worksheet_write_string(ws, 2, 0, "schooljaar", NULL);
  if (!e)
    e = worksheet_write_string(ws, 2, 1, year, NULL);
  if (!e)
    e = worksheet_write_string(ws, 3, 0, "indeling", NULL);
  if (!e)
    e = worksheet_write_number(ws, 3, 1, in->indeling, NULL);
  return e;
}

jv_status jv_invoer_xlsx_write(const jv_invoer *in, const char *path, jv_error *err)
{
  char tmp[4200];
  if (snprintf(tmp, sizeof(tmp), "%s.tmp-%ld", path, (long)getpid()) >= (int)sizeof(tmp))
    return jv_error_set(err, JV_ECANTCREAT, path, 0, 0, "path too long");
  lxw_workbook_options opts = {.constant_memory = LXW_FALSE, .tmpdir = NULL};
  lxw_workbook *wb = workbook_new_opt(tmp, &opts);
  if (!wb)
    return jv_error_set(err, JV_ECANTCREAT, path, 0, 0, "cannot create the workbook");
  lxw_format *bold = workbook_add_format(wb);
  lxw_format *text = workbook_add_format(wb);
  format_set_bold(bold);
  format_set_num_format(text, "@"); /* codes stay text: GM0505, never 505 */
  lxw_error e = LXW_NO_ERROR;
  const char *done[JV_IND_COUNT];
  size_t n_done = 0;
  for (int i = 0; i < JV_IND_COUNT && !e; i++) {
    const char *g = jv_indicator_group((jv_indicator)i);
    int seen = 0;
    for (size_t k = 0; k < n_done; k++)
      seen |= strcmp(done[k], g) == 0;
    if (seen)
      continue;
    done[n_done++] = g;
    e = write_group(wb, in, g, bold, text);
  }
  if (!e)
    e = write_regio(wb, in, bold);
  /* no date but SOURCE_DATE_EPOCH's: the same input, the same bytes */
  lxw_doc_properties props = {.title = "Invoer jaarverslag leerplicht",
                              .created = in->date >= 0 ? (time_t)in->date : 1};
  if (!e)
    e = workbook_set_properties(wb, &props);
  lxw_error closed = workbook_close(wb);
  if (!e)
    e = closed;
  if (e) {
    unlink(tmp);
    return jv_error_set(err, JV_ECANTCREAT, path, 0, 0, "cannot write the workbook: %s",
                        lxw_strerror(e));
  }
  if (rename(tmp, path) != 0) {
    unlink(tmp);
    return jv_error_set(err, JV_ECANTCREAT, path, 0, 0, "cannot replace the file");
  }
  return JV_OK;
}
