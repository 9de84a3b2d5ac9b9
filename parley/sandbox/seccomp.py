"""A seccomp filter that refuses the system calls ordinary code never needs.

Namespaces hide the host, but every system call still reaches the host's kernel. These calls are
where kernel exploits have lived (io_uring, bpf, userfaultfd, keyrings, perf) or would let code
rebuild its own view of the system (mount, namespaces); refusing them shrinks what a kernel bug can
be reached through. Written as raw classic BPF because libseccomp is not a Python dependency here.
Only x86-64 has a table; elsewhere the sandbox runs without this extra layer (see SECURITY.md).
"""

from __future__ import annotations

import platform
import struct

AUDIT_ARCH_X86_64 = 0xC000003E
X32_SYSCALL_BIT = 0x40000000

SECCOMP_RET_KILL_PROCESS = 0x80000000
SECCOMP_RET_ERRNO = 0x00050000
SECCOMP_RET_ALLOW = 0x7FFF0000
EPERM = 1

BPF_LD_W_ABS = 0x20
BPF_JMP_JEQ_K = 0x15
BPF_JMP_JGE_K = 0x35
BPF_RET_K = 0x06

# x86-64 numbers (arch/x86/entry/syscalls/syscall_64.tbl).
DENIED_X86_64 = {
    "ptrace": 101,
    "pivot_root": 155,
    "acct": 163,
    "mount": 165,
    "umount2": 166,
    "swapon": 167,
    "swapoff": 168,
    "reboot": 169,
    "init_module": 175,
    "delete_module": 176,
    "quotactl": 179,
    "lookup_dcookie": 212,
    "kexec_load": 246,
    "add_key": 248,
    "request_key": 249,
    "keyctl": 250,
    "unshare": 272,
    "perf_event_open": 298,
    "fanotify_init": 300,
    "name_to_handle_at": 303,
    "open_by_handle_at": 304,
    "setns": 308,
    "process_vm_readv": 310,
    "process_vm_writev": 311,
    "finit_module": 313,
    "kexec_file_load": 320,
    "bpf": 321,
    "userfaultfd": 323,
    "io_uring_setup": 425,
    "io_uring_enter": 426,
    "io_uring_register": 427,
    "open_tree": 428,
    "move_mount": 429,
    "fsopen": 430,
    "fsconfig": 431,
    "fsmount": 432,
    "fspick": 433,
    "mount_setattr": 442,
}


def _instruction(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("=HBBI", code, jt, jf, k)


def filter_program() -> bytes | None:
    """The compiled filter for this machine, or None where there is no table for its architecture."""
    if platform.machine() != "x86_64":
        return None
    numbers = sorted(DENIED_X86_64.values())
    program = [
        _instruction(BPF_LD_W_ABS, 0, 0, 4),  # seccomp_data.arch
        # Another ABI (i386 through int 0x80) would be a second, unfiltered syscall table.
        _instruction(BPF_JMP_JEQ_K, 1, 0, AUDIT_ARCH_X86_64),
        _instruction(BPF_RET_K, 0, 0, SECCOMP_RET_KILL_PROCESS),
        _instruction(BPF_LD_W_ABS, 0, 0, 0),  # seccomp_data.nr
    ]
    # Checks follow in order, then "allow", then "deny": each jump lands on the deny at the end.
    checks = [(BPF_JMP_JGE_K, X32_SYSCALL_BIT), *((BPF_JMP_JEQ_K, n) for n in numbers)]
    for index, (code, value) in enumerate(checks):
        to_deny = len(checks) - index  # past the remaining checks and the allow
        program.append(_instruction(code, to_deny, 0, value))
    program.append(_instruction(BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW))
    program.append(_instruction(BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | EPERM))
    return b"".join(program)
