/* IKEv2 session resumption (RFC 5723): a planned shutdown, for libreswan
 *
 * This program is free software; you can redistribute it and/or modify it
 * under the terms of the GNU General Public License as published by the
 * Free Software Foundation; either version 2 of the License, or (at your
 * option) any later version.  See <https://www.gnu.org/licenses/gpl2.txt>.
 *
 * This program is distributed in the hope that it will be useful, but
 * WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY
 * or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU General Public License
 * for more details.
 */

/*
 * session-resumption-shutdown=keep: a shutdown (whack --shutdown, the
 * ExecStop of ipsec.service, so ipsec restart and a package upgrade)
 * is a restart, not a goodbye.  The established IKE SAs of connections
 * with session-resumption=yes end without a Delete, so their peers keep
 * their tickets (RFC 5723 6.2 drops a ticket only on a Delete) and
 * resume once the gateway is back; every other IKE SA gets its Delete
 * as before.  whack --shutdown --delete-resumable is the stop for good:
 * a Delete for every IKE SA.  docs/operations.md.
 *
 * pluto reads the option at start-up, so the pluto being stopped
 * decides, and the unit's stop stays a plain (basic) whack --shutdown
 * that a whack of another version can send during an upgrade.
 */

#ifndef IKEV2_RESUME_SHUTDOWN_H
#define IKEV2_RESUME_SHUTDOWN_H

#include <stdbool.h>

struct logger;

/* session-resumption-shutdown=keep|delete (false) */
extern bool pluto_resume_shutdown_keep;

/* whack --shutdown --delete-resumable: this shutdown sends every Delete */
void delete_resumable_ike_sas_on_shutdown(struct logger *logger);

/* exit_epilogue(), before the connections go: no Delete for those kept */
void leave_resumable_ike_sas(struct logger *logger);

#endif
