/* IKEv2 session resumption (RFC 5723): the resumed AUTH, for libreswan
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
 * The AUTH of the IKE_AUTH that follows IKE_SESSION_RESUME.
 * ikev2_psk.c picks its inputs as RFC 7296 2.15 does for a PSK and
 * hands them over; the AUTH is computed, and checked, here.
 */

#ifndef IKEV2_RESUME_AUTH_H
#define IKEV2_RESUME_AUTH_H

#include <stdbool.h>
#include <pk11pub.h>

#include "chunk.h"
#include "shunk.h"
#include "diag.h"
#include "crypt_mac.h"

struct ike_sa;
struct enum_names;

/*
 * How the AUTH payload of the IKE_AUTH that follows IKE_SESSION_RESUME
 * is computed.  See docs/interop.md for why both exist.
 */
enum resume_auth_form {
	/*
	 * RFC 5723 4.3.3 with RFC 7296 2.15: prf(SK_px, <message octets>
	 * | peer's nonce | prf(SK_px, ID')), keyed directly with SK_px.
	 */
	RESUME_AUTH_RFC5723,
	/*
	 * libreswan 5.2: prf(SK_px, <message octets>), the sender's own
	 * IKE_SESSION_RESUME message only.  Accepted from, and sent to,
	 * peers that have shown they speak only this.
	 */
	RESUME_AUTH_LIBRESWAN_5_2,
};

/* "RFC 5723", "libreswan 5.2" */
extern const struct enum_names resume_auth_form_names;

/*
 * What the AUTH is computed from, for the perspective (ours to send,
 * or the peer's to check): SK_pi or SK_pr, the sender's
 * IKE_SESSION_RESUME message, the nonce, prf(SK_px, ID') and the
 * IntAuth octets (or empty).  All borrowed.  LOG_KAT: log them and
 * the AUTH (--impair log-resume-kat, ikev2_resume_kat.h).
 */
struct resume_auth_input {
	PK11SymKey *SK_px;
	chunk_t message;
	shunk_t nonce;
	const struct crypt_mac *idhash;
	shunk_t intermediate;
	bool log_kat;
};

/*
 * The AUTH octets in IKE's form (st_v2_resume_session->auth_form);
 * empty when they can't be computed.
 */
struct crypt_mac resume_auth_sighash(const struct ike_sa *ike,
				     const struct resume_auth_input *input);

/*
 * Check the peer's AUTH, computed from INPUT.  The gateway accepts
 * either form and records the one that matched; the client only the
 * form it sent.
 */
diag_t verify_resume_auth(const struct ike_sa *ike,
			  const struct resume_auth_input *input,
			  shunk_t received);

/*
 * The client's resumed IKE_AUTH got AUTHENTICATION_FAILED: a gateway
 * that verifies only 5.2's form refuses the RFC's.  Sets the
 * connection's *PEER_PRE_RFC_AUTH when that is the likely reason.
 */
void resume_auth_refused(const struct ike_sa *ike, bool *peer_pre_rfc_auth);

#endif
