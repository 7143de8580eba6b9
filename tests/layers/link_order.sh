#!/usr/bin/env bash
# link_order.sh LIBDIR - fails on every jv_ function a layer's static library
# calls that is defined in a layer it may not use (the same order as
# include_order.sh): includes could be routed around, symbols cannot.
set -euo pipefail
dir=${1:?usage: link_order.sh LIBDIR}
declare -A allowed=(
  [util]="util" [model]="model util" [input]="input model util" [stats]="stats model util"
  [layout]="layout stats model util" [render]="render layout model util"
  [pipeline]="pipeline input stats layout render model util")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for lib in "${!allowed[@]}"; do
  a="$dir/libjv_$lib.a"
  [ -f "$a" ] || { echo "missing $a" >&2; exit 1; }
  nm --defined-only -g "$a" 2>/dev/null | awk -v l="$lib" 'NF == 3 && $2 ~ /[TDBR]/ {print $3, l}' >>"$tmp/defs"
done
sort -u -o "$tmp/defs" "$tmp/defs"
status=0
for lib in "${!allowed[@]}"; do
  while read -r sym; do
    owner=$(awk -v s="$sym" '$1 == s {print $2; exit}' "$tmp/defs")
    [ -n "$owner" ] || continue
    case " ${allowed[$lib]} " in
    *" $owner "*) ;;
    *)
      echo "libjv_$lib.a calls $sym of $owner: $lib may use only ${allowed[$lib]}"
      status=1
      ;;
    esac
  done < <(nm -u "$dir/libjv_$lib.a" 2>/dev/null | awk '$1 == "U" && $2 ~ /^jv_/ {print $2}' | sort -u)
done
[ "$status" -eq 0 ] && echo "link order: every library calls only the layers below it"
exit "$status"
