# Finds every external library and gathers them behind one interface target,
# jv::deps. libhpdf and libcsv ship no pkg-config or CMake files on Debian 12.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo cairo-ft cairo-svg cairo-pdf cairo-png)
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
pkg_check_modules(JANSSON REQUIRED IMPORTED_TARGET jansson)
pkg_check_modules(CMARK REQUIRED IMPORTED_TARGET libcmark)
pkg_check_modules(NETTLE REQUIRED IMPORTED_TARGET nettle)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(EXPAT REQUIRED IMPORTED_TARGET expat)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(PNG REQUIRED IMPORTED_TARGET libpng)
pkg_check_modules(ZLIB REQUIRED IMPORTED_TARGET zlib)
pkg_check_modules(ISAL REQUIRED IMPORTED_TARGET libisal)
pkg_check_modules(JPEG REQUIRED IMPORTED_TARGET libjpeg)

find_path(HPDF_INCLUDE_DIR hpdf.h REQUIRED)
find_library(HPDF_LIBRARY hpdf REQUIRED)
find_path(CSV_INCLUDE_DIR csv.h REQUIRED)
find_library(CSV_LIBRARY csv REQUIRED)
find_path(HYPHEN_INCLUDE_DIR hyphen.h REQUIRED)
find_library(HYPHEN_LIBRARY hyphen REQUIRED)

add_library(jv_deps INTERFACE)
target_include_directories(jv_deps INTERFACE ${HPDF_INCLUDE_DIR} ${CSV_INCLUDE_DIR}
  ${HYPHEN_INCLUDE_DIR})
target_link_libraries(jv_deps INTERFACE PkgConfig::CAIRO PkgConfig::FREETYPE
  PkgConfig::JANSSON PkgConfig::CMARK PkgConfig::NETTLE PkgConfig::PNG PkgConfig::ZLIB PkgConfig::ISAL PkgConfig::JPEG
  PkgConfig::LIBZIP PkgConfig::EXPAT PkgConfig::XLSXWRITER
  ${HPDF_LIBRARY} ${CSV_LIBRARY} ${HYPHEN_LIBRARY} Threads::Threads)
add_library(jv::deps ALIAS jv_deps)
