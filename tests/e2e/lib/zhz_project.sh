# Sourced by e2e tests: zhz_project DIR [--init BIN] makes the Zuid-Holland
# Zuid test project: the bundled 2017-2018 data and a SYNTHETIC 2019-2020
# year on the indeling 2020 (scripts/synthetic_zhz_2019_2020.py, labelled
# in 2019-2020/SYNTHETISCH.md). With --init BIN the folder is first made by
# `BIN init` (project.csv, sjabloon/, ...), whose empty files the synthetic
# ones then replace. Needs $src (the source tree).
zhz_project() {
  local p=$1
  if [ "${2:-}" = --init ]; then
    "$3" init "$p" --regio "Zuid-Holland Zuid" --schooljaar 2019-2020 ${4:+--organisatie "$4"} >/dev/null
  fi
  mkdir -p "$p"
  cp -r "$src/data/zuid-holland-zuid/2017-2018" "$p/"
  python3 "$src/scripts/synthetic_zhz_2019_2020.py" "$src/data/zuid-holland-zuid/2017-2018" \
    "$src/assets/gemeenten/gemeenten_2020.csv" "$p/2019-2020.new"
  mkdir -p "$p/2019-2020"
  cp "$p/2019-2020.new"/* "$p/2019-2020/"
  rm -r "$p/2019-2020.new"
}

# zhz_earlier_years DIR YEAR... adds to the project in DIR (zhz_project) a
# copy of 2017-2018 for each school year starting in YEAR, on that year's
# own indeling (the ZHZ codes did not change before 2019).
zhz_earlier_years() {
  local p=$1 y d
  shift
  for y in "$@"; do
    d=$p/$y-$((y + 1))
    cp -r "$p/2017-2018" "$d"
    sed -i "s/^schooljaar,.*/schooljaar,$y-$((y + 1))/; s/^indeling,.*/indeling,$((y + 1))/" "$d/regio.csv"
  done
}
