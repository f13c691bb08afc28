# Sourced by install-kafka.sh and install-s3proxy.sh: resolves Maven artefacts with their
# runtime dependencies into ${XDG_CACHE_HOME:-~/.cache}/liveml/<folder>/libs and lists the jars
# written in "complete" beside libs/ (core/common/maven_jars.cpp checks that list). Does
# nothing, and needs no network, when the folder is already complete.
#
#   install_maven_jars TAG FOLDER MAIN_JAR DEPENDENCIES_XML
# TAG prefixes messages; MAIN_JAR must be among the jars; DEPENDENCIES_XML is the <dependency>
# elements of a pom.

install_maven_jars() {
  local tag="$1" folder="$2" main_jar="$3" dependencies="$4"
  local home="${XDG_CACHE_HOME:-$HOME/.cache}/liveml/$folder"
  local libs="$home/libs" marker="$home/complete"

  # The marker lists the jars written; every one must still be there.
  if [ -f "$marker" ] && grep -qx "$main_jar" "$marker"; then
    local complete=1 jar
    while read -r jar; do
      [ -s "$libs/$jar" ] || complete=0
    done <"$marker"
    [ "$complete" = 1 ] && return 0
  fi

  local tool
  for tool in java mvn; do
    if ! command -v "$tool" >/dev/null; then
      echo "$tag: '$tool' not found; install openjdk-17-jre-headless and maven" \
           "(scripts/install-deps.sh does) and run this script again" >&2
      return 1
    fi
  done

  echo "$tag: resolving $folder from Maven Central into $libs"
  local work
  work="$(mktemp -d)"
  cat >"$work/pom.xml" <<EOF_POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>liveml</groupId>
  <artifactId>liveml-$folder</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
$dependencies
  </dependencies>
</project>
EOF_POM
  rm -rf "$home"
  mkdir -p "$work/libs"
  if ! mvn -q -B -Dstyle.color=never -f "$work/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$work/libs"; then
    rm -rf "$work"
    echo "$tag: Maven could not resolve $folder" >&2
    return 1
  fi
  if [ ! -s "$work/libs/$main_jar" ]; then
    rm -rf "$work"
    echo "$tag: Maven did not deliver $main_jar" >&2
    return 1
  fi
  mkdir -p "$home"
  mv "$work/libs" "$libs"
  rm -rf "$work"
  (cd "$libs" && ls -1 ./*.jar | sed 's#^\./##') >"$marker"
  echo "$tag: $(wc -l <"$marker") jars in $libs"
}
