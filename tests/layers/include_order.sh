#!/usr/bin/env bash
# include_order.sh SRC_DIR - fails, naming file:line, on every #include "..."
# in SRC_DIR that goes against the layer order of docs/architecture.md:
#   util <- model <- input, stats <- layout <- render <- pipeline <- cli
# (each folder may include itself and the folders listed for it below).
set -euo pipefail
src=${1:?usage: include_order.sh SRC_DIR}
cd "$src"
status=0
while IFS= read -r hit; do
  echo "$hit"
  status=1
done < <(find . -name '*.[ch]' -print | LC_ALL=C sort | xargs awk '
BEGIN {
  allowed["util"] = "util"
  allowed["model"] = "model util"
  allowed["input"] = "input model util"
  allowed["stats"] = "stats model util"
  allowed["layout"] = "layout stats model util"
  allowed["render"] = "render layout model util"
  allowed["pipeline"] = "pipeline input stats layout render model util"
  allowed["cli"] = "cli pipeline model util"
}
match($0, /^[ \t]*#[ \t]*include[ \t]*"[^"]*"/) {
  file = FILENAME
  sub(/^\.\//, "", file)
  split(file, parts, "/")
  from = parts[1]
  inc = $0
  sub(/^[^"]*"/, "", inc)
  sub(/".*$/, "", inc)
  if (index(inc, "/") == 0) {
    to = from
  } else {
    split(inc, ip, "/")
    to = ip[1]
  }
  if (!(from in allowed)) {
    printf "src/%s:%d: folder %s is not a layer (add it to tests/layers/include_order.sh)\n", file, FNR, from
    next
  }
  n = split(allowed[from], ok, " ")
  good = 0
  for (i = 1; i <= n; i++)
    if (ok[i] == to) good = 1
  if (!good)
    printf "src/%s:%d: %s includes \"%s\": %s may include only %s\n", file, FNR, from, inc, from, allowed[from]
}')
if [ "$status" -eq 0 ]; then
  echo "include order: every #include in $src follows the layers"
fi
exit "$status"
