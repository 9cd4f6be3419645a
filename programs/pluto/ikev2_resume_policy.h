/* IKEv2 session resumption (RFC 5723): a ticket against today's policy, for libreswan
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
 * A ticket records how its peer first authenticated and which policy
 * admitted it: the method actually used (PSK, RSA or ECDSA signature,
 * NULL, EAP), this end's method, the peer's ID and the CA that issued
 * its certificate.  A resumption is accepted only into a connection
 * whose policy now would admit that authentication (RFC 5723 section 5;
 * libreswan #3028): a ticket never outlives the policy that admitted it, and an
 * operator who moves a connection from a leaked PSK to certificates
 * shuts out the PSK's holders at once.  docs/ticket-format.md.
 */

#ifndef IKEV2_RESUME_POLICY_H
#define IKEV2_RESUME_POLICY_H

#include <stdbool.h>

#include "shunk.h"
#include "pluto_constants.h"

struct ike_sa;
struct resume_session;
struct resume_ticket_state;

/*
 * Gateway, minting: how IKE's peer authenticated and the policy that
 * admitted it: what its resume session carries (a resumed or rekeyed
 * IKE SA), or its own full authentication.  PEER_CA points into IKE.
 */
struct resume_policy {
	enum keyword_auth peer_auth;	/* negotiated, not just configured */
	enum keyword_auth local_auth;
	shunk_t peer_ca;		/* issuer DN of the peer's certificate */
};

struct resume_policy resume_policy_of(const struct ike_sa *ike);

/*
 * Gateway: carry OLD_IKE's policy into the resume session of the IKE
 * SA that rekeys it.
 */
void set_resume_session_policy(struct resume_session *session,
			       const struct ike_sa *old_ike);

/*
 * Gateway, a ticket just opened: what it says about its policy, into
 * SESSION (which owns copies).
 */
void resume_session_policy_from_ticket(struct resume_session *session,
				       const struct resume_ticket_state *state);

void clone_resume_session_policy(struct resume_session *clone,
				 const struct resume_session *session);
void free_resume_session_policy(struct resume_session *session);

/*
 * Gateway, IKE_SESSION_RESUME: would the connection that issued the
 * ticket (by name; another with the same name after ipsec replace)
 * admit the peer's original authentication now?  False after logging
 * (rate limited) and counting the reason; the caller answers
 * TICKET_NACK.
 */
bool resume_ticket_admitted_by_its_connection(struct ike_sa *ike);

/*
 * Gateway, IKE_AUTH of a resumption, once IDi and IDr have settled the
 * connection: the same judgement for the connection the IKE SA lands
 * in.  False after logging and counting; the caller answers
 * AUTHENTICATION_FAILED.
 */
bool resume_session_admitted_by_connection(struct ike_sa *ike);

#endif
