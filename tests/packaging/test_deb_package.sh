#!/usr/bin/env bash
# Packs what is already built into the Debian package, unpacks it into a temporary root
# and checks what a user of the package gets: the program runs and reports the project
# version, every file is installed where desktops and man look for it, the desktop entry and
# the metainfo validate, and Depends names the Qt libraries the program links.
#   test_deb_package.sh BUILD_DIR VERSION APP_ID WORK_DIR
# Exit codes: 0 all checks passed, 1 a check failed, 77 skipped (not a Debian system).
set -u

build_dir=$1
version=$2
app_id=$3
work_dir=$4

passed=0
failed=0
check() {
    local what=$1
    shift
    if "$@"; then
        echo "PASS   : $what"
        passed=$((passed + 1))
    else
        echo "FAIL!  : $what"
        failed=$((failed + 1))
    fi
}
finish() {
    echo "Totals: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit $?
}

for tool in cpack dpkg-deb dpkg-shlibdeps; do
    if ! command -v "$tool" > /dev/null; then
        echo "SKIP   : $tool is not installed (dpkg-dev provides dpkg-shlibdeps)"
        exit 77
    fi
done

rm -rf "$work_dir"
mkdir -p "$work_dir"
# The package goes to its own folder so a package made by hand in the build folder is left alone.
# cpack packs what is built; it does not build anything first.
if ! cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work_dir/out" \
        > "$work_dir/cpack.log" 2>&1; then
    cat "$work_dir/cpack.log"
    check "cpack -G DEB makes the package" false
    finish
fi

arch=$(dpkg --print-architecture)
deb="$work_dir/out/filing-lens_${version}_${arch}.deb"
check "the package is named filing-lens_${version}_${arch}.deb" test -f "$deb"
if [ ! -f "$deb" ]; then
    ls -l "$work_dir/out"
    finish
fi

field() { dpkg-deb -f "$deb" "$1"; }
check "Package field is filing-lens" test "$(field Package)" = filing-lens
check "Version field is $version" test "$(field Version)" = "$version"
check "Architecture field is $arch" test "$(field Architecture)" = "$arch"
check "Maintainer, Section, Homepage and Description are set" \
    test -n "$(field Maintainer)" -a -n "$(field Section)" -a -n "$(field Homepage)" -a -n "$(field Description)"
depends=$(field Depends)
echo "Depends: $depends"
names_package() { grep -Eq "(^|, )$1( \(|,|$)" <<< "$depends"; }
for lib in libqt6pdf6 libqt6widgets6 libqt6gui6 libqt6core6; do
    check "Depends names $lib" names_package "$lib"
done

root="$work_dir/root"
dpkg -x "$deb" "$root"

check "the program is in /usr/bin" test -x "$root/usr/bin/filing-lens"
reported=$("$root/usr/bin/filing-lens" --version 2>&1)
echo "--version: $reported"
check "--version reports $version" test "$reported" = "filing-lens $version"

share="$root/usr/share"

# The packaged program, with the system's Qt, runs headless on the packaged sample (a PDF,
# so QtPdf is exercised). A copy, so nothing is written into the unpacked package.
sample_pdf=immunogen-8k-2007-06-04.pdf
mkdir -p "$work_dir/run"
[ -n "${XDG_RUNTIME_DIR:-}" ] && mkdir -p -m 0700 "$XDG_RUNTIME_DIR"
cp "$share/filing-lens/sample/$sample_pdf" "$work_dir/run/" 2> /dev/null
csv_header='file,id,type,category,value,text,page,start,end,confidence,status,origin,attributes,note'
"$root/usr/bin/filing-lens" extract --csv "$work_dir/run/out.csv" "$work_dir/run/$sample_pdf" \
    2> "$work_dir/run/extract.log"
check "the packaged program extracts the sample (exit code 0)" test $? -eq 0
check "the CSV starts with the header row" test "$(head -n 1 "$work_dir/run/out.csv" 2> /dev/null | tr -d '\r')" = "$csv_header"
check "the CSV has rows for the sample" grep -q "^$sample_pdf," "$work_dir/run/out.csv"
"$root/usr/bin/filing-lens" summary "$work_dir/run/$sample_pdf" --pdf "$work_dir/run/summary.pdf" \
    2> "$work_dir/run/summary.log"
check "the packaged program writes the summary sheet (exit code 0)" test $? -eq 0
check "the summary sheet is a PDF" test "$(head -c 5 "$work_dir/run/summary.pdf" 2> /dev/null)" = "%PDF-"
"$root/usr/bin/filing-lens" extract --bogus-option "$work_dir/run/$sample_pdf" > /dev/null 2>&1
check "a usage error exits with 2" test $? -eq 2
desktop="$share/applications/$app_id.desktop"
metainfo="$share/metainfo/$app_id.metainfo.xml"
check "the desktop entry is installed" test -f "$desktop"
check "the metainfo is installed" test -f "$metainfo"
check "the SVG icon is installed" test -f "$share/icons/hicolor/scalable/apps/filing-lens.svg"
# A PNG starts with its 8-byte signature, then the IHDR chunk: width and height, big-endian.
png_size() {
    [ -f "$1" ] || return
    local signature
    signature=$(od -An -tx1 -N8 "$1" | tr -d ' \n')
    [ "$signature" = 89504e470d0a1a0a ] || return
    od -An -tu1 -j16 -N8 "$1" | awk '{ print $1*16777216 + $2*65536 + $3*256 + $4 "x" $5*16777216 + $6*65536 + $7*256 + $8 }'
}
for size in 16 22 24 32 48 64 128 256; do
    png="$share/icons/hicolor/${size}x${size}/apps/filing-lens.png"
    check "the ${size}x${size} icon is a ${size} x ${size} PNG" test "$(png_size "$png")" = "${size}x${size}"
done
check "the man page is installed" test -f "$share/man/man1/filing-lens.1.gz"
check "the man page names version $version" \
    grep -q "Filing Lens $version" <<< "$(zcat "$share/man/man1/filing-lens.1.gz" 2>&1)"
for section in extract summary --sample --page-size --include-rejected --bom "EXIT STATUS" \
        review.json rules; do
    check "the man page covers $section" \
        grep -q -- "$(sed 's/-/\\\\-/g' <<< "$section")" <<< "$(zcat "$share/man/man1/filing-lens.1.gz")"
done
for source in "$(dirname "$0")"/../../resources/rules/*.json; do
    check "rule pack $(basename "$source") is installed" \
        cmp -s "$source" "$share/filing-lens/rules/$(basename "$source")"
done
for source in "$(dirname "$0")"/../../resources/sample/*; do
    check "sample $(basename "$source") is installed" \
        cmp -s "$source" "$share/filing-lens/sample/$(basename "$source")"
done
check "the copyright file is installed" test -f "$share/doc/filing-lens/copyright"
check "the changelog names version $version" \
    grep -q "^filing-lens ($version)" <<< "$(zcat "$share/doc/filing-lens/changelog.gz" 2>&1)"

check "the desktop entry opens PDF, HTML and text" \
    grep -Eq '^MimeType=.*application/pdf;.*text/html;.*text/plain;' "$desktop"
check "the desktop entry runs the program with a file" grep -q '^Exec=filing-lens %f$' "$desktop"
check "no default application is set (no mimeapps.list)" \
    test -z "$(find "$root" -name 'mimeapps.list' -o -name 'defaults.list')"
check "the metainfo release is $version" grep -q "<release version=\"$version\"" "$metainfo"
check "the metainfo has a screenshot" grep -q '<image type="source"' "$metainfo"
check "the metainfo launches the desktop entry" \
    grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo"

if command -v desktop-file-validate > /dev/null; then
    check "desktop-file-validate accepts the desktop entry" desktop-file-validate "$desktop"
else
    echo "SKIP   : desktop-file-validate is not installed (desktop-file-utils)"
fi
if command -v groff > /dev/null; then
    man_warnings=$(zcat "$share/man/man1/filing-lens.1.gz" | groff -man -Tutf8 -ww -z 2>&1)
    [ -n "$man_warnings" ] && echo "$man_warnings"
    check "groff formats the man page without a warning" test -z "$man_warnings"
else
    echo "SKIP   : groff is not installed (groff-base)"
fi
if command -v appstreamcli > /dev/null; then
    check "appstreamcli validate accepts the metainfo" appstreamcli validate --no-net "$metainfo"
else
    echo "SKIP   : appstreamcli is not installed (appstream)"
fi

finish
