/* IKEv2 session resumption (RFC 5723): the gateway's revocations, for libreswan
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
 * RFC 5723 9.8: a gateway must be able to revoke tickets.  Two kinds
 * of record, each kept until no ticket it refuses can still be alive:
 *
 *   ticket   the ticket_id of an IKE SA an administrator deleted
 *            (ipsec down, whack --deleteid)
 *   peer     a keyed hash of a peer's ID (whack --revoke-resume-id):
 *            every ticket whose peer authenticated at or before the
 *            revocation is refused, IKE SA gone or not
 *
 * and a third, made only when revocations may have been lost (the
 * store could not be read or failed its check): every ticket whose
 * peer authenticated at or before that moment is refused (fail
 * closed).
 *
 * The records survive a restart: each change rewrites
 *
 *     <nssdir>/ikev2-resume-revocations
 *
 * whole (ikev2_resume_file.h), in the format and under the keys of
 * ikev2_resume_revstore.h, and pluto reads it before the first packet.
 * docs/operations.md says why there and what an operator does.
 */

#ifndef IKEV2_RESUME_REVOCATION_H
#define IKEV2_RESUME_REVOCATION_H

#include <stdbool.h>
#include <stdint.h>

#include "realtime.h"
#include "ikev2_resume_ticket.h"	/* for RESUME_TICKET_ID_SIZE */
#include "ikev2_resume_accept.h"	/* for enum resume_reject_reason */

struct logger;
struct ike_sa;
struct id;
struct jambuf;
struct show;

#define RESUME_REVOCATION_FILE		"ikev2-resume-revocations"

/*
 * At start-up, once the NSS DB is open and before any packet is read:
 * read the store.  A store that cannot be read or verified is logged
 * and kept aside as <file>.bad, and every ticket whose peer
 * authenticated until now is refused from then on (recorded in the new
 * store, so a further restart does not forget it).
 */
void load_v2_resume_revocations(realtime_t now, struct logger *logger);
void free_v2_resume_revocations(void);
/* hourly: drop the records that can refuse no live ticket */
void expire_v2_resume_revocations(realtime_t now);

/*
 * Gateway, ipsec whack --revoke-resume-id --name PEER: refuse every
 * ticket issued to PEER (its ID as ipsec status shows it) until now,
 * including those of IKE SAs that are gone.  False, logged as an error
 * whack exits non-zero for, when it could not be recorded or not be
 * written to disk (in effect then until pluto stops).
 */
bool revoke_v2_resume_peer(const char *peer, struct logger *logger);

/*
 * Gateway: an administrator deleted this IKE SA (ipsec down, whack
 * --deleteid): refuse the ticket issued with it until it would have
 * expired, so that the client cannot undo the kick by resuming.
 */
void revoke_v2_resume_ticket(const struct ike_sa *ike, const char *why);

/*
 * A ticket with TICKET_ID, issued to PEER who authenticated at
 * AUTH_TIME: RESUME_REJECT_NONE, RESUME_REJECT_REVOKED, or
 * RESUME_REJECT_REVOCATIONS_LOST.
 */
enum resume_reject_reason resume_ticket_revocation(const uint8_t ticket_id[RESUME_TICKET_ID_SIZE],
						   const struct id *peer, realtime_t auth_time,
						   realtime_t now, struct logger *logger);

/* --resumestatus: " revoked=N revoked-peers=N", then a line of its own */
void jam_v2_resume_revocation_counts(struct jambuf *buf);
void show_v2_resume_revocations(struct show *s, realtime_t now);

#endif
