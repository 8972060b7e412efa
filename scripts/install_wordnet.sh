#!/bin/sh
# Install WordNet 3.0 (Debian's wordnet-base) for the event stage's object classes.
#
# Optional: without it the object classes use their hand-written words only
# (src/sitroom/events/classes.py, docs/events.md). Never fails the install.
# Skipped when WordNet is already there or SITROOM_WORDNET names a folder.
if [ -n "$SITROOM_WORDNET" ] || [ -f /usr/share/wordnet/data.noun ]; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    if apt-get install -y -q wordnet-base >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q wordnet-base >/dev/null 2>&1; }; then
        echo "installed WordNet 3.0 (wordnet-base) for the event object classes"
        exit 0
    fi
fi
echo "WordNet 3.0 not installed (needs root and apt-get: apt-get install wordnet-base);"
echo "event object classes use their hand-written words only"
exit 0
