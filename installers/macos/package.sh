#!/usr/bin/env bash
# Builds "QFC Desktop Miner.app" and its .dmg on macOS for the CPU of the machine it runs on (arm64 = Apple Silicon,
# x86_64 = Intel; the CI matrix runs it on one runner of each):
#   target/installer/dist/QFC Desktop Miner-<version>-<arch>.dmg
#
#   installers/macos/package.sh [--skip-build]
#   optional signing (all three, or none): MAC_SIGN_IDENTITY="Developer ID Application: ... (TEAMID)"
#     and for notarisation MAC_NOTARY_PROFILE=<notarytool keychain profile>
#
# Signing native code before notarisation: Apple's notary service rejects a package whose native libraries are
# unsigned, including those inside jars (it unpacks .jar/.zip). After staging:
#   - ONNX Runtime's libonnxruntime.dylib + libonnxruntime4j_jni.dylib sit in Contents/app/native (moved out of the
#     jar by Stage.java) and are signed like any file of the bundle;
#   - DJL tokenizers (native/lib/osx-*/cpu/libtokenizers.dylib), sqlite-jdbc (org/sqlite/native/Mac/*/
#     libsqlitejdbc.dylib) and JNA (com/sun/jna/darwin-*/libjnidispatch.jnilib) stay inside their jars: each is
#     extracted, signed with --options runtime --timestamp, and put back (sign_natives_in_jars below), BEFORE
#     jpackage signs the bundle;
#   - the runtime needs the entitlements in installers/macos/entitlements.plist: JIT and unsigned executable memory
#     only (library validation stays on: every library above is signed with our own Team ID, which it accepts).
# Then: xcrun notarytool submit <dmg> --keychain-profile "$MAC_NOTARY_PROFILE" --wait; xcrun stapler staple <dmg>.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

SKIP_BUILD=0
[ "${1:-}" = "--skip-build" ] && SKIP_BUILD=1

case "$(uname -m)" in
  arm64|aarch64) TARGET=mac-aarch64; ARCH=arm64 ;;
  x86_64) TARGET=mac-x64; ARCH=x86_64 ;;
  *) echo "package: unsupported CPU $(uname -m)" >&2; exit 1 ;;
esac
JAVA_HOME=${JAVA_HOME:-$(/usr/libexec/java_home -v 17+)}
VERSION=$(sed -n 's:.*<version>\([0-9][^<]*\)</version>.*:\1:p' pom.xml | sed -n 1p)
VERSION_NUM=${VERSION%%-*}
STAGE="$ROOT/target/installer/$TARGET"
DIST="$ROOT/target/installer/dist"

if [ "$SKIP_BUILD" = 0 ] || [ ! -f app/target/qfc-desktop-miner.jar ]; then
  mvn -B -ntp -q -DskipTests package -pl app -am
fi
"$JAVA_HOME/bin/java" installers/common/Stage.java "$TARGET" app/target "$STAGE"

sign_natives_in_jars() {
  local work="$STAGE/sign" jar lib
  for jar in "$STAGE"/input/lib/tokenizers-*.jar "$STAGE"/input/lib/sqlite-jdbc-*.jar "$STAGE"/input/lib/jna-*.jar; do
    [ -f "$jar" ] || continue
    rm -rf "$work" && mkdir -p "$work"
    (cd "$work" && unzip -q "$jar" '*.dylib' '*.jnilib' 2>/dev/null || true)
    while IFS= read -r lib; do
      codesign --force --options runtime --timestamp --sign "$MAC_SIGN_IDENTITY" "$work/$lib"
      (cd "$work" && zip -q "$jar" "$lib")
    done < <(cd "$work" && find . \( -name '*.dylib' -o -name '*.jnilib' \) | sed 's:^\./::')
  done
  rm -rf "$work"
}
sign_args=()
if [ -n "${MAC_SIGN_IDENTITY:-}" ]; then
  sign_natives_in_jars
  for lib in "$STAGE"/input/native/*.dylib; do
    codesign --force --options runtime --timestamp --sign "$MAC_SIGN_IDENTITY" "$lib"
  done
  sign_args=(--mac-sign --mac-signing-key-user-name "${MAC_SIGN_IDENTITY#Developer ID Application: }"
             --mac-entitlements installers/macos/entitlements.plist)
fi

rm -rf "$STAGE/runtime"
"$JAVA_HOME/bin/jlink" --module-path "$JAVA_HOME/jmods:$STAGE/jmods" --add-modules "$(cat "$STAGE/modules.txt")" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$STAGE/runtime"

rm -rf "$DIST/QFC Desktop Miner.app" "$DIST"/*.dmg
mkdir -p "$DIST"
"$JAVA_HOME/bin/jpackage" --type app-image @installers/common/jpackage.args @installers/macos/jpackage.args \
  --app-version "$VERSION_NUM" --input "$STAGE/input" --runtime-image "$STAGE/runtime" --dest "$DIST" \
  ${sign_args[@]+"${sign_args[@]}"}
"$JAVA_HOME/bin/jpackage" --type dmg --app-image "$DIST/QFC Desktop Miner.app" @installers/macos/jpackage.args \
  --app-version "$VERSION_NUM" --dest "$DIST" ${sign_args[@]+"${sign_args[@]}"}
dmg="$DIST/QFC Desktop Miner-$VERSION_NUM-$ARCH.dmg"
mv "$DIST/QFC Desktop Miner-$VERSION_NUM.dmg" "$dmg"

if [ -n "${MAC_SIGN_IDENTITY:-}" ] && [ -n "${MAC_NOTARY_PROFILE:-}" ]; then
  xcrun notarytool submit "$dmg" --keychain-profile "$MAC_NOTARY_PROFILE" --wait
  xcrun stapler staple "$dmg"
fi
echo "package: $dmg ($(du -m "$dmg" | cut -f1) MB)"
