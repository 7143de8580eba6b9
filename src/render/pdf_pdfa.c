/* pdf_pdfa.c - XMP, output intent, fonts and /ID for PDF/A-2a and PDF/UA-1. */
#include "render/pdf_pdfa.h"

#include "render/pdf_fonttrim.h"
#include "util/grow.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A growing text buffer for the XMP packet and the CMap. */
typedef struct {
  char *s;
  size_t n, cap;
  int oom;
} buf;

static void put(buf *b, const char *s, size_t n)
{
  if (b->oom)
    return;
  if (jv_grow((void **)&b->s, &b->cap, b->n + n + 1, 1, 4096) != 0) {
    b->oom = 1;
    return;
  }
  memcpy(b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = '\0';
}

static void puts_(buf *b, const char *s)
{
  put(b, s, strlen(s));
}

/* Text as XML character data. */
static void put_xml(buf *b, const char *s)
{
  for (; *s; s++) {
    switch (*s) {
    case '&':
      puts_(b, "&amp;");
      break;
    case '<':
      puts_(b, "&lt;");
      break;
    case '>':
      puts_(b, "&gt;");
      break;
    default:
      put(b, s, 1);
    }
  }
}

static void put_elem(buf *b, const char *open, const char *text, const char *close)
{
  puts_(b, open);
  put_xml(b, text);
  puts_(b, close);
}

static const char xmp_head[] =
    "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
    "<rdf:Description rdf:about=\"\"\n"
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
    " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
    " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
    " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
    " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
    " xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
    " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
    " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "<dc:format>application/pdf</dc:format>\n";

/* pdfuaid is not one of PDF/A-2's predefined schemas, so it is described here. */
static const char xmp_tail[] =
    "<pdfaid:part>2</pdfaid:part>\n"
    "<pdfaid:conformance>A</pdfaid:conformance>\n"
    "<pdfuaid:part>1</pdfuaid:part>\n"
    "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
    "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
    "<pdfaProperty:name>part</pdfaProperty:name>\n"
    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "<pdfaProperty:category>internal</pdfaProperty:category>\n"
    "<pdfaProperty:description>Part of ISO 14289 followed</pdfaProperty:description>\n"
    "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
    "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
    "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
    "<?xpacket end=\"w\"?>\n";

static void xmp_packet(buf *b, const jv_pdfa_info *in)
{
  puts_(b, xmp_head);
  if (in->title)
    put_elem(b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">", in->title,
             "</rdf:li></rdf:Alt></dc:title>\n");
  if (in->author)
    put_elem(b, "<dc:creator><rdf:Seq><rdf:li>", in->author, "</rdf:li></rdf:Seq></dc:creator>\n");
  if (in->subject)
    put_elem(b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">", in->subject,
             "</rdf:li></rdf:Alt></dc:description>\n");
  put_elem(b, "<dc:language><rdf:Bag><rdf:li>", in->lang ? in->lang : "nl-NL",
           "</rdf:li></rdf:Bag></dc:language>\n");
  if (in->keywords)
    put_elem(b, "<pdf:Keywords>", in->keywords, "</pdf:Keywords>\n");
  put_elem(b, "<pdf:Producer>", "Haru Free PDF Library " HPDF_VERSION_TEXT, "</pdf:Producer>\n");
  if (in->creator)
    put_elem(b, "<xmp:CreatorTool>", in->creator, "</xmp:CreatorTool>\n");
  if (in->date >= 0) {
    time_t t = (time_t)in->date;
    struct tm tm;
    char d[32];
    gmtime_r(&t, &tm);
    strftime(d, sizeof(d), "%Y-%m-%dT%H:%M:%SZ", &tm);
    put_elem(b, "<xmp:CreateDate>", d, "</xmp:CreateDate>\n");
    put_elem(b, "<xmp:ModifyDate>", d, "</xmp:ModifyDate>\n");
    put_elem(b, "<xmp:MetadataDate>", d, "</xmp:MetadataDate>\n");
  }
  puts_(b, xmp_tail);
}

static int add_output_intent(HPDF_Doc pdf, const char *icc_path)
{
  FILE *fp = fopen(icc_path, "rb");
  if (!fp)
    return -1;
  HPDF_Dict icc = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  int rc = icc ? 0 : -1;
  unsigned char chunk[8192];
  size_t n;
  while (rc == 0 && (n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
    if (HPDF_Stream_Write(icc->stream, chunk, (HPDF_UINT)n) != HPDF_OK)
      rc = -1;
  if (ferror(fp))
    rc = -1;
  fclose(fp);
  if (rc)
    return rc;
  icc->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  HPDF_Dict oi = HPDF_Dict_New(pdf->mmgr);
  HPDF_Array list = HPDF_Array_New(pdf->mmgr);
  if (!oi || !list)
    return -1;
  HPDF_STATUS s = HPDF_Dict_AddNumber(icc, "N", 3);
  s |= HPDF_Dict_AddName(oi, "Type", "OutputIntent");
  s |= HPDF_Dict_AddName(oi, "S", "GTS_PDFA1");
  s |= HPDF_Dict_Add(oi, "OutputConditionIdentifier",
                     HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL));
  s |= HPDF_Dict_Add(oi, "Info", HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL));
  s |= HPDF_Dict_Add(oi, "DestOutputProfile", icc);
  s |= HPDF_Array_Add(list, oi);
  s |= HPDF_Dict_Add(pdf->catalog, "OutputIntents", list);
  return s == HPDF_OK ? 0 : -1;
}

/* 16 zero bytes, twice: found again after saving and replaced by the digest. */
static const HPDF_BYTE id_zero[16];

jv_status jv_pdfa_prepare(HPDF_Doc pdf, const jv_pdfa_info *in, jv_error *err)
{
  buf b = {0};
  xmp_packet(&b, in);
  if (b.oom) {
    free(b.s);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  HPDF_Dict meta = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  HPDF_STATUS s = meta ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
  if (meta) { /* uncompressed, so that archive tools find the packet */
    meta->filter = HPDF_STREAM_FILTER_NONE;
    s |= HPDF_Dict_AddName(meta, "Type", "Metadata");
    s |= HPDF_Dict_AddName(meta, "Subtype", "XML");
    s |= HPDF_Stream_Write(meta->stream, (const HPDF_BYTE *)b.s, (HPDF_UINT)b.n);
    s |= HPDF_Dict_Add(pdf->catalog, "Metadata", meta);
  }
  free(b.s);
  HPDF_Array id = HPDF_Array_New(pdf->mmgr);
  if (id) {
    s |= HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)id_zero, sizeof(id_zero)));
    s |= HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)id_zero, sizeof(id_zero)));
    s |= HPDF_Dict_Add(pdf->trailer, "ID", id);
  }
  if (s != HPDF_OK || !id)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "cannot add the PDF/A metadata");
  const char *icc = in->icc_path ? in->icc_path : JV_PDFA_SRGB_ICC;
  if (add_output_intent(pdf, icc) != 0)
    return jv_error_set(err, JV_ENOINPUT, icc, 0, 0,
                        "cannot embed the sRGB ICC profile (Debian package colord-data)");
  pdf->pdf_version = HPDF_VER_17;
  return JV_OK;
}

/* Identity from CID (= BMP code point) to UTF-16BE, in bfranges that stay
 * within one high byte; surrogates, NUL and the two noncharacters excluded. */
static void identity_cmap(buf *b)
{
  puts_(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
           "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
           "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
           "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  unsigned hi[256];
  size_t n = 0;
  for (unsigned h = 0; h < 256; h++)
    if (h < 0xD8 || h > 0xDF)
      hi[n++] = h;
  for (size_t i = 0; i < n; i += 100) {
    size_t k = n - i < 100 ? n - i : 100;
    char line[64];
    snprintf(line, sizeof(line), "%zu beginbfrange\n", k);
    puts_(b, line);
    for (size_t j = i; j < i + k; j++) {
      unsigned lo = hi[j] == 0 ? 1 : 0, top = hi[j] == 0xFF ? 0xFD : 0xFF;
      snprintf(line, sizeof(line), "<%02X%02X> <%02X%02X> <%02X%02X>\n", hi[j], lo, hi[j], top,
               hi[j], lo);
      puts_(b, line);
    }
    puts_(b, "endbfrange\n");
  }
  puts_(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

static int same_stream(HPDF_Dict a, HPDF_Dict b)
{
  size_t na, nb;
  unsigned char *pa = jv_pdf_stream_bytes(a->stream, &na),
                *pb = jv_pdf_stream_bytes(b->stream, &nb);
  int same = pa && pb && na == nb && memcmp(pa, pb, na) == 0;
  free(pa);
  free(pb);
  return same;
}

/* Empties a stream another font no longer points to (libharu cannot drop an object). */
static void empty_stream(HPDF_Dict d, const char *const *keys)
{
  for (; *keys; keys++)
    HPDF_Dict_RemoveElement(d, *keys);
  HPDF_MemStream_FreeData(d->stream);
}

static const char *const cmap_keys[] = {"Type", "CMapName", "CIDSystemInfo", "WMode", NULL};
static const char *const no_keys[] = {NULL};

jv_status jv_pdfa_fix_fonts(HPDF_Doc pdf, HPDF_Font *fonts, size_t n, jv_error *err)
{
  HPDF_Dict tounicode = NULL, gidmap = NULL;
  HPDF_STATUS s = HPDF_OK;
  for (size_t i = 0; i < n; i++) {
    HPDF_Dict font = fonts[i];
    if (!font)
      continue;
    HPDF_Dict tu = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
    HPDF_Array desc = HPDF_Dict_GetItem(font, "DescendantFonts", HPDF_OCLASS_ARRAY);
    HPDF_Dict cid = desc ? HPDF_Array_GetItem(desc, 0, HPDF_OCLASS_DICT) : NULL;
    if (!tu || !cid)
      return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0,
                          "libharu wrote a font without ToUnicode or CIDFont");
    if (!tounicode) {
      buf b = {0};
      identity_cmap(&b);
      empty_stream(tu, cmap_keys);
      tu->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
      if (!b.oom)
        s |= HPDF_Stream_Write(tu->stream, (const HPDF_BYTE *)b.s, (HPDF_UINT)b.n);
      free(b.s);
      if (b.oom)
        return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
      tounicode = tu;
    } else if (tu != tounicode) {
      empty_stream(tu, cmap_keys);
      s |= HPDF_Dict_Add(font, "ToUnicode", tounicode);
    }
    HPDF_Dict info = HPDF_Dict_GetItem(cid, "CIDSystemInfo", HPDF_OCLASS_DICT);
    if (info)
      s |= HPDF_Dict_Add(info, "Ordering", HPDF_String_New(pdf->mmgr, "Identity", NULL));
    HPDF_Dict map = HPDF_Dict_GetItem(cid, "CIDToGIDMap", HPDF_OCLASS_DICT);
    if (map && !gidmap) {
      gidmap = map;
    } else if (map && map != gidmap && same_stream(map, gidmap)) {
      empty_stream(map, no_keys);
      s |= HPDF_Dict_Add(cid, "CIDToGIDMap", gidmap);
    }
  }
  if (s != HPDF_OK)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "cannot rewrite the font maps");
  return JV_OK;
}

/* The first occurrence of the placeholder <00..00> in b[from, n), or NULL. */
static unsigned char *find_zero_hex(unsigned char *b, size_t from, size_t n)
{
  const size_t hl = 2 * sizeof(id_zero) + 2;
  for (size_t i = from; i + hl <= n; i++) {
    if (b[i] != '<' || b[i + hl - 1] != '>')
      continue;
    size_t k = 1;
    while (k < hl - 1 && b[i + k] == '0')
      k++;
    if (k == hl - 1)
      return b + i;
  }
  return NULL;
}

int jv_pdfa_set_id(unsigned char *b, size_t n)
{
  /* the trailer is at the end; libharu writes binaries as upper-case hex in <> */
  size_t from = n > 4096 ? n - 4096 : 0;
  unsigned char *first = find_zero_hex(b, from, n);
  unsigned char *second = first ? find_zero_hex(b, (size_t)(first - b) + 1, n) : NULL;
  if (!second)
    return -1;
  struct sha256_ctx ctx;
  uint8_t d[SHA256_DIGEST_SIZE];
  sha256_init(&ctx);
  sha256_update(&ctx, n, b);
  sha256_digest(&ctx, sizeof(d), d);
  static const char digits[] = "0123456789ABCDEF";
  unsigned char *at[2] = {first, second};
  for (int j = 0; j < 2; j++)
    for (size_t k = 0; k < sizeof(id_zero); k++) {
      at[j][1 + 2 * k] = (unsigned char)digits[d[k] >> 4];
      at[j][2 + 2 * k] = (unsigned char)digits[d[k] & 15];
    }
  return 0;
}
