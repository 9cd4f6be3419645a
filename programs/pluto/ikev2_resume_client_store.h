/* IKEv2 session resumption (RFC 5723): the client's tickets across restarts, for libreswan
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
 * A restarted client (a branch gateway after a reboot, a crashed
 * pluto) resumes too: each connection's ticket is kept in a file,
 *
 *     <nssdir>/resume-client/<connection name, %-escaped>
 *
 * owner-only in an owner-only directory, holding
 *
 *     "LSRC" | version (1) | 3 reserved | ticket length (u32, network order)
 *     | the gateway's ticket, opaque | the record
 *
 * The record is the ticket codec's state (both IDs, how and when this
 * end first authenticated, the expiry, the IKE SA's transforms, the
 * connection's name, flags) sealed with AES-256-GCM by a key ring of
 * the client's own in the NSS DB (keys labelled "ikev2-resume-client:"),
 * with SK_d wrapped inside it (RFC 5649) by that ring: SK_d never
 * leaves NSS in the clear, the file is useless without the NSS DB, and
 * any change to the file is detected.
 *
 * The file follows the connection's ticket: written when a ticket is
 * stored, deleted when the ticket is dropped (refused, used, expired,
 * deleted with its IKE SA, ipsec down; pfree_session()), kept when
 * pluto stops or the connection is deleted (release_session()).  It is
 * read when the connection next initiates without a ticket in memory.
 * A file that can not be used (corrupt, expired, unknown key, other
 * IDs, ...) is logged and deleted, and the connection authenticates
 * in full.
 */

#ifndef IKEV2_RESUME_CLIENT_STORE_H
#define IKEV2_RESUME_CLIENT_STORE_H

struct connection;
struct logger;

#define RESUME_CLIENT_STORE_DIR		"resume-client"
#define RESUME_CLIENT_KEY_LABEL_PREFIX	"ikev2-resume-client:"

/* the connection has just stored a new ticket: keep a copy */
void save_v2_resume_client_ticket(struct connection *c, struct logger *logger);

/* the connection initiates without a ticket: is there a stored one? */
void load_v2_resume_client_ticket(struct connection *c, struct logger *logger);

void shutdown_v2_resume_client_store(void);

#endif
