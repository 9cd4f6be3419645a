# VM tier, inside the guest: the same test runner as the host tier, run on
# the tests the host handed over; each test's directory goes to $VM_OUT.
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
exec /usr/bin/python3 "$top/testing/harness/swantest.py" --in-vm --collect "$VM_OUT" "$@"
