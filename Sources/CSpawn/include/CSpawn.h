#ifndef ARKISTO_CSPAWN_H
#define ARKISTO_CSPAWN_H

// The GNU parts of process spawning that Swift's Glibc module does not show (they need
// _GNU_SOURCE), with stable names: used by Extract's LimitedProcess.

#include <spawn.h>
#include <sys/types.h>

/// pipe2(fds, O_CLOEXEC): both ends close on exec from the start, so no child spawned by another
/// thread inherits them.
int cspawn_pipe_cloexec(int fds[2]);

/// Adds "close every descriptor from `lowest` up" to the child's file actions.
int cspawn_add_closefrom(posix_spawn_file_actions_t *actions, int lowest);

/// 1 when `pid` has ended (left a zombie, not reaped: its process group cannot be reused yet),
/// 0 while it runs, -1 on error (errno set).
int cspawn_has_ended(pid_t pid);

#endif
