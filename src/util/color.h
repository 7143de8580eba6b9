/* color.h - an RGB colour, shared by layout (which picks colours) and the
 * renderers (which paint them). Plain data. */
#ifndef JV_UTIL_COLOR_H
#define JV_UTIL_COLOR_H

typedef struct {
  double r, g, b; /* 0..1 */
} jv_rgb;

static inline jv_rgb jv_rgb_hex(unsigned hex)
{
  jv_rgb c = {((hex >> 16) & 0xFF) / 255.0, ((hex >> 8) & 0xFF) / 255.0, (hex & 0xFF) / 255.0};
  return c;
}

#endif
