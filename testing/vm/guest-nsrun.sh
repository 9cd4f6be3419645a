# VM tier, inside the guest: libreswan's own namespace runner
# (testing/upstream/nsrun.sh, i.e. testing/utils/nsrun) on tests that
# need ESP; each test's nsrun output goes to $VM_OUT/NAME/.
#   make check-nsrun-vm TESTS=ikev2-resume-esp-psk    (into build/nsrun-vm/), or
#   testing/vm/vm.sh run -o DIR testing/vm/guest-nsrun.sh [--timeout S] ikev2-resume-esp-psk
# (docs/upstream-tests.md, "nsrun in the VM tier's guest")
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
exec "$top/testing/upstream/nsrun.sh" --collect "$VM_OUT" "$@"
