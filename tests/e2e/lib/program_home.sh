# program_home SRC DEST REL...: makes DEST a home for JAARVERSLAG_HOME that
# mirrors the program's files in SRC by symbolic links, except each REL (a
# path relative to SRC, such as assets/gemeenten or assets/geo/regios.csv),
# which is a real copy the test may change. Source this file.
program_home() {
  local src=$1 dest=$2
  shift 2
  _program_home_mirror "$src" "$dest" "" "$@"
}

_program_home_mirror() {
  local src=$1 dest=$2 rel=$3 e name r k done
  shift 3
  mkdir -p "$dest"
  for e in "$src"/*; do
    name=$(basename "$e")
    r=${rel:+$rel/}$name
    done=0
    for k in "$@"; do
      if [ "$k" = "$r" ]; then
        cp -r "$e" "$dest/$name"
        done=1
        break
      elif [ "${k#"$r"/}" != "$k" ]; then
        _program_home_mirror "$e" "$dest/$name" "$r" "$@"
        done=1
        break
      fi
    done
    [ $done = 1 ] || ln -s "$e" "$dest/$name"
  done
}
