# Sourced by ./crosscheck and ./run-tests: sets JAVA_HOME to a JDK 21 or newer, or exits with a message.
# Order: $JAVA_HOME if it is a JDK 21+; else the newest JDK 21+ under the usual install folders; else the
# JDK of the `java` on PATH if it is 21+.

crosscheck_jdk_version() {  # prints the feature version of the JDK at $1, or nothing
  local home=$1 v=""
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 0
  if [[ -f "$home/release" ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release")
  fi
  if [[ -z "$v" ]]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  [[ "$v" == 1 ]] && v=8
  echo "$v"
}

crosscheck_find_jdk() {
  local v best="" best_v=0 candidate
  if [[ -n "${JAVA_HOME:-}" ]]; then
    v=$(crosscheck_jdk_version "$JAVA_HOME")
    if [[ -n "$v" && "$v" -ge 21 ]]; then
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* \
      "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [[ -d "$candidate" ]] || continue
    v=$(crosscheck_jdk_version "$candidate")
    if [[ -n "$v" && "$v" -ge 21 && "$v" -gt "$best_v" ]]; then
      best=$candidate
      best_v=$v
    fi
  done
  if [[ -z "$best" ]] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(crosscheck_jdk_version "$candidate")
    if [[ -n "$v" && "$v" -ge 21 ]]; then
      best=$candidate
    fi
  fi
  if [[ -z "$best" ]]; then
    echo "crosscheck: needs a JDK 21 or newer (java and javac). Set JAVA_HOME to one;" \
      "none was found in JAVA_HOME, /usr/lib/jvm, /opt/java or on PATH." >&2
    exit 2
  fi
  export JAVA_HOME=$best
}

crosscheck_find_jdk
export PATH="$JAVA_HOME/bin:$PATH"
if ! command -v mvn >/dev/null 2>&1; then
  echo "crosscheck: building needs Apache Maven 3.8 or newer on PATH (Debian: apt-get install maven)." >&2
  exit 2
fi
# Maven's own libraries warn about sun.misc.Unsafe on JDK 24+; the flag that silences it exists from JDK 23.
if [[ "$(crosscheck_jdk_version "$JAVA_HOME")" -ge 23 ]]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
