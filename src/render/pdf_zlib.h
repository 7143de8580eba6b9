/* pdf_zlib.h - the zlib level of the PDF streams (libharu's and cairo's),
 * chosen by measurement (bench/): level 3 against zlib's default 6. */
#ifndef JV_RENDER_PDF_ZLIB_H
#define JV_RENDER_PDF_ZLIB_H

#define JV_PDF_ZLIB_LEVEL 3

/* JV_PDF_ZLIB_LEVEL; 0 would mean streams left uncompressed. */
int jv_pdf_zlib_level(void);

#endif
