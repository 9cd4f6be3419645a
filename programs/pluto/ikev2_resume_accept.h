/* IKEv2 session resumption (RFC 5723): the gateway opens a presented ticket, for libreswan
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

#ifndef IKEV2_RESUME_ACCEPT_H
#define IKEV2_RESUME_ACCEPT_H

#include <stdbool.h>

#include "shunk.h"
#include "ikev2_resume_ticket.h"	/* for enum resume_ticket_status */

struct ike_sa;
struct enum_names;

/*
 * Why the gateway refuses a presented ticket: the codec's and the key
 * ring's outcomes (enum resume_ticket_status, with the same values),
 * then the gateway's own.
 */
enum resume_reject_reason {
	RESUME_REJECT_NONE = RESUME_TICKET_OK,
	/* ... the codec's, up to RESUME_TICKET_STATUS_ROOF ... */
	RESUME_REJECT_ID_MISMATCH = RESUME_TICKET_STATUS_ROOF,
	RESUME_REJECT_NO_KEYS,
	RESUME_REJECT_REPLAYED,
	RESUME_REJECT_REPLAY_CACHE_FULL,
	RESUME_REJECT_REVOKED,
	RESUME_REJECT_REVOCATIONS_LOST,	/* the revocation store failed: fail closed */
	/*
	 * The connection's policy now would not admit the peer's
	 * original authentication (ikev2_resume_policy.c).
	 */
	RESUME_REJECT_CONNECTION_GONE,
	RESUME_REJECT_AUTH_NOT_ADMITTED,
	RESUME_REJECT_PEER_ID_NOT_ADMITTED,
	RESUME_REJECT_CA_NOT_ADMITTED,
#ifdef USE_RESUME_STORE
	/* the cluster's store (ikev2_resume_store.h) could not answer */
	RESUME_REJECT_STORE_UNAVAILABLE,
	RESUME_REJECT_STORE_ERROR,	/* it answered nonsense */
#ifdef USE_RESUME_STORE_REF
	/* a reference the store does not hold: used, revoked, expired or never issued */
	RESUME_REJECT_REFERENCE_UNKNOWN,
#define RESUME_REJECT_REASON_ROOF (RESUME_REJECT_REFERENCE_UNKNOWN + 1)
#else
#define RESUME_REJECT_REASON_ROOF (RESUME_REJECT_STORE_ERROR + 1)
#endif
#else
#define RESUME_REJECT_REASON_ROOF (RESUME_REJECT_CA_NOT_ADMITTED + 1)
#endif
};

/* "unknown key", "replayed", ...: the codec's names, then the gateway's */
extern const struct enum_names resume_reject_reason_names;

/* the codec's outcome STATUS as a reason: the same value */
enum resume_reject_reason resume_reject_reason_of(enum resume_ticket_status status);

/*
 * Gateway: open a presented ticket into IKE (algorithms, SK_d, the
 * resume session).  False after logging the reason and counting it;
 * the caller answers TICKET_NACK.
 */
bool open_v2_resume_ticket(struct ike_sa *ike, shunk_t ticket);

/*
 * Gateway, once an IKE SA is established: if it was resumed, its ticket
 * has now been used (RFC 5723 4.3.1) and is refused from then on.
 */
void record_v2_resume_ticket_used(struct ike_sa *ike);

/*
 * verify_resume_session_id() (RFC 5723 4.3.3: the IDs of IKE_AUTH are
 * the ticket's) is declared in ikev2_ike_session_resume.h.
 */

#endif
