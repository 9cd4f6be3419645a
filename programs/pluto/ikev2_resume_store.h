/* IKEv2 session resumption (RFC 5723): a cluster's shared store on Redis, for libreswan
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
 * The members of a cluster (session-resumption-cluster-seed=) open
 * each other's tickets; with session-resumption-store= they also share
 * single use and revocations, in one Redis:
 *
 *   ikev2-resume:used:<ticket id>        SET NX PX <remaining life>:
 *                                        the member that used it
 *   ikev2-resume:revoked-ticket:<id>     ipsec down, whack --deleteid
 *   ikev2-resume:revoked-peer:<SHA-256>  whack --revoke-resume-id: the
 *                                        revocation's time, in seconds
 *
 * A presented ticket that opened, passed the member's own single-use
 * cache and revocations and whose connection admits it costs one round
 * trip: one script (EVAL, atomic in Redis) checks both revocation keys
 * and then sets the used key if absent.  The IKE SA waits for it
 * (STF_SUSPEND) on pluto's event loop; a timer answers by the failure
 * policy when the store does not.  docs/operations.md ("Clusters")
 * says why the ticket is used up when IKE_SESSION_RESUME is answered.
 */

#ifndef IKEV2_RESUME_STORE_H
#define IKEV2_RESUME_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "deltatime.h"
#include "realtime.h"
#include "ikev2_resume_ticket.h"	/* for RESUME_TICKET_ID_SIZE */
#include "ikev2_resume_accept.h"	/* for enum resume_reject_reason */

struct ike_sa;
struct msg_digest;
struct logger;
struct show;

enum resume_store_failure {
	RESUME_STORE_FAIL_CLOSED,	/* TICKET_NACK "store unavailable" */
	RESUME_STORE_FALL_BACK,		/* the member's own cache decides */
};

#define RESUME_STORE_DEFAULT_TIMEOUT_MS	50

struct resume_store_config {
	char *address;		/* redis://ADDR[:PORT][/DB] or /SOCKET; NULL: none */
	char *credentials;	/* FILE: "USER PASSWORD", root-only; or NULL */
	deltatime_t timeout;	/* per request */
	enum resume_store_failure failure;
	/*
	 * session-resumption-store-tickets=reference: the sealed ticket
	 * goes to the store, the client gets a short reference to it
	 * (ikev2_resume_store_ref.h)
	 */
	bool by_reference;
};

const struct resume_store_config *resume_store_config(void);
/* plutomain, reading config setup; the strings are copied */
void set_resume_store_config(const struct resume_store_config *config);

/* before the first packet (idempotent), and at shutdown */
void start_v2_resume_store(struct logger *logger);
void stop_v2_resume_store(void);

/*
 * The gateway has opened IKE's ticket (ike->sa.st_v2_resume_session)
 * and its own checks passed.  RESUME_REJECT_NONE: go on now (no store,
 * or the store is down and the policy falls back); another reason: it
 * is refused, already logged and counted; RESUME_STORE_PENDING: the
 * IKE SA waits (STF_SUSPEND) and CB is called once, from the event
 * loop, with the verdict, unless the IKE SA is gone by then.
 */
typedef stf_status resume_store_cb(struct ike_sa *ike, struct msg_digest *md,
				   enum resume_reject_reason verdict);
#define RESUME_STORE_PENDING RESUME_REJECT_REASON_ROOF
/* the same for a ticket by reference: SEALED is what the store held */
typedef stf_status resume_store_ref_cb(struct ike_sa *ike, struct msg_digest *md,
				       enum resume_reject_reason verdict, shunk_t sealed);
unsigned resume_store_check(struct ike_sa *ike, struct msg_digest *md,
			    resume_store_cb *cb);

/* revocations, shared with every member (asynchronous; logged) */
void resume_store_revoke_ticket(const uint8_t ticket_id[RESUME_TICKET_ID_SIZE],
				deltatime_t ttl, struct logger *logger);
void resume_store_revoke_peer(const char *peer, realtime_t when,
			      deltatime_t ttl, struct logger *logger);

/* --resumestatus */
void show_v2_resume_store(struct show *s);

#endif
