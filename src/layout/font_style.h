/* font_style.h - the four text styles layout measures and render paints.
 * Owns only the jv_font_style enum, so layout names a style without fonts. */
#ifndef JV_LAYOUT_FONT_STYLE_H
#define JV_LAYOUT_FONT_STYLE_H

typedef enum {
  JV_FONT_REGULAR = 0,
  JV_FONT_BOLD,
  JV_FONT_ITALIC,
  JV_FONT_BOLD_ITALIC,
  JV_FONT_STYLE_COUNT
} jv_font_style;

#endif
