# Sourced by bin/start and bin/test: sets JDK to a JDK 21 or newer (JAVA_HOME when it is one, else one
# found in the usual places), or, when none is found, stops with a message (JDK_OPTIONAL=1: leaves JDK empty).
JDK="${JAVA_HOME:-}"
if [ -z "$JDK" ] || ! "$JDK/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JDK=$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[5-9]* /usr/lib/jvm/*-2[1-9]* \
    "$HOME"/.sdkman/candidates/java/2[1-9]* \
    /Library/Java/JavaVirtualMachines/*-2[1-9]*/Contents/Home 2>/dev/null | head -1 || true)
fi
if [ -z "$JDK" ] && [ -z "${JDK_OPTIONAL:-}" ]; then
  echo "$(basename "$0") needs a JDK 21 or newer (set JAVA_HOME)" >&2
  exit 1
fi
