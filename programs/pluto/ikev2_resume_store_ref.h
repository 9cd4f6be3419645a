/* IKEv2 session resumption (RFC 5723): tickets by reference in the cluster's store, for libreswan
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
 * RFC 5723 6.1: "the ticket [...] may be a reference to a state stored
 * in a database".  With session-resumption-store-tickets=reference the
 * gateway writes the sealed ticket (the session state, sealed as ever:
 * the store never holds it in the clear) to the store under a random
 * 16-octet reference, for the ticket's life, and hands the client a
 * short ticket in format v1 whose sealed plaintext is only
 *
 *   0  4   "sref"
 *   4  16  the reference
 *
 * (60 octets in all; a ticket of state is never that short), so that a
 * forged or altered reference fails the tag with no round trip.  A
 * presented reference is taken with one GETDEL: single use by
 * construction.  Revocation deletes the entries (a peer's: through
 * ikev2-resume:peer-refs:<SHA-256 of the ID>; a ticket's: through
 * ikev2-resume:ticket-ref:<ticket id>).  docs/ticket-format.md.
 */

#ifndef IKEV2_RESUME_STORE_REF_H
#define IKEV2_RESUME_STORE_REF_H

#include "chunk.h"
#include "shunk.h"
#include "realtime.h"
#include "ikev2_resume_ticket.h"
#include "ikev2_resume_store.h"

struct ike_sa;
struct msg_digest;

#define RESUME_STORE_REF_SIZE		16
#define RESUME_STORE_REF_MAGIC		"sref"
#define RESUME_STORE_REF_MAGIC_SIZE	4
#define RESUME_STORE_REF_TICKET_SIZE	(RESUME_TICKET_HEADER_SIZE +		\
					 RESUME_STORE_REF_MAGIC_SIZE +		\
					 RESUME_STORE_REF_SIZE +		\
					 RESUME_TICKET_TAG_SIZE)

/*
 * The gateway minted SEALED for IKE (expiring at EXPIRY): by
 * reference, the short ticket to send instead; empty when SEALED
 * itself is to be sent (not by reference, or no store now: counted).
 */
chunk_t resume_store_reference_ticket(struct ike_sa *ike, shunk_t sealed,
				      realtime_t expiry, realtime_t now);

/*
 * The IKE_SESSION_RESUME responder, before it opens TICKET: not a
 * reference, RESUME_REJECT_NONE (open it as a ticket); a reference that
 * fails its tag (or ...), the reason, logged and counted;
 * RESUME_STORE_PENDING: IKE waits for CB with the sealed ticket the
 * store held.
 */
unsigned resume_store_open_reference(struct ike_sa *ike, struct msg_digest *md,
				     shunk_t ticket, resume_store_ref_cb *cb);

/* ikev2_resume_store.c: GETDEL KEY for IKE */
unsigned resume_store_take_reference(struct ike_sa *ike, struct msg_digest *md,
				     const char *key, resume_store_ref_cb *cb);

#endif
