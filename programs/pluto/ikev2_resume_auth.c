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
 * RFC 5723 4.3.3: "AUTH = prf(SK_px, <message octets>)", where the
 * message octets are those of RFC 7296 2.15: the sender's
 * IKE_SESSION_RESUME message, the peer's nonce, and prf(SK_px, ID').
 * No "Key Pad for IKEv2", no shared secret.  libreswan 5.2 MACs the
 * message alone; see docs/interop.md for how the two meet.
 */

#include "defs.h"
#include "state.h"
#include "log.h"
#include "enum_names.h"
#include "crypt_prf.h"
#include "ike_alg.h"
#include "ikev2_prf.h"		/* for ikev2_psk_resume() */
#include "ikev2_resume_auth.h"
#include "ikev2_resume_session.h"
#include "ikev2_resume_kat.h"
#include "ikev2_resume_status.h"

static const char *const resume_auth_form_name[] = {
	[RESUME_AUTH_RFC5723] = "RFC 5723",
	[RESUME_AUTH_LIBRESWAN_5_2] = "libreswan 5.2",
};

const struct enum_names resume_auth_form_names = {
	RESUME_AUTH_RFC5723, RESUME_AUTH_LIBRESWAN_5_2,
	ARRAY_REF(resume_auth_form_name),
	NULL, NULL,
};

static struct crypt_mac resume_auth_in_form(const struct ike_sa *ike,
					    const struct resume_auth_input *in)
{
	const struct prf_desc *prf_desc = ike->sa.st_oakley.ta_prf;
	if (ike->sa.st_v2_resume_session->auth_form == RESUME_AUTH_LIBRESWAN_5_2) {
		/* 5.2's own computation, over the message alone */
		return ikev2_psk_resume(prf_desc, in->SK_px, in->message, ike->sa.logger);
	}
	struct crypt_prf *prf = crypt_prf_init_symkey("resumed AUTH = prf(SK_px, <message octets>)",
						      prf_desc, "SK_px", in->SK_px,
						      ike->sa.logger);
	if (prf == NULL) {
		llog_pexpect(ike->sa.logger, HERE, "no PRF for the resumed AUTH");
		return empty_mac;
	}
	crypt_prf_update_hunk(prf, "IKE_SESSION_RESUME message", in->message);
	crypt_prf_update_hunk(prf, "peer's nonce", in->nonce);
	crypt_prf_update_hunk(prf, "prf(SK_px, ID')", *in->idhash);
	crypt_prf_update_hunk(prf, "IntAuth", in->intermediate);
	return crypt_prf_final_mac(&prf, NULL);
}

struct crypt_mac resume_auth_sighash(const struct ike_sa *ike,
				     const struct resume_auth_input *input)
{
	struct crypt_mac auth = resume_auth_in_form(ike, input);
	if (input->log_kat) {
		log_resume_kat_auth(ike, input, &auth);
	}
	return auth;
}

static bool resume_auth_matches(const struct ike_sa *ike,
				const struct resume_auth_input *input,
				shunk_t received)
{
	struct crypt_mac calc = resume_auth_sighash(ike, input);
	if (calc.len == 0) {
		llog(RC_LOG, ike->sa.logger,
		     "authentication failed: cannot compute the resumed AUTH");
		return false;
	}
	return hunk_eq(received, calc);
}

diag_t verify_resume_auth(const struct ike_sa *ike,
			  const struct resume_auth_input *input,
			  shunk_t received)
{
	struct resume_session *session = ike->sa.st_v2_resume_session;
	if (resume_auth_matches(ike, input, received)) {
		if (ike->sa.st_sa_role == SA_INITIATOR) {
			/* the gateway proved it holds the ticket's SK_d */
			count_v2_resume_resumed();
		}
		return NULL;
	}
	if (ike->sa.st_sa_role == SA_RESPONDER &&
	    session->auth_form == RESUME_AUTH_RFC5723) {
		/*
		 * A stock 5.2 client.  Its form MACs less, but under the
		 * same fresh SK_pi, which only a holder of the ticket's
		 * SK_d can derive, and inside an IKE_AUTH protected by
		 * keys from that same derivation; the ID it leaves out
		 * is checked against the ticket anyway (RFC 5723 4.3.3).
		 * Answer in the same form, the only one it verifies.
		 */
		session->auth_form = RESUME_AUTH_LIBRESWAN_5_2;
		if (resume_auth_matches(ike, input, received)) {
			llog(RC_LOG, ike->sa.logger,
			     "peer's resumed AUTH is in libreswan 5.2's form, not RFC 5723's; answering in the same form");
			return NULL;
		}
		session->auth_form = RESUME_AUTH_RFC5723;
	}
	enum_buf fb;
	return diag("authentication failed: resumed AUTH (%s form) does not match",
		    str_enum_long(&resume_auth_form_names, session->auth_form, &fb));
}

void resume_auth_refused(const struct ike_sa *ike, bool *peer_pre_rfc_auth)
{
	count_v2_resume_auth_refused();
	if (ike->sa.st_v2_resume_session->auth_form != RESUME_AUTH_RFC5723 ||
	    *peer_pre_rfc_auth) {
		return;
	}
	/*
	 * The refusal came inside the IKE_AUTH response, protected with
	 * keys derived from the ticket's SK_d: it is from the gateway
	 * itself, not from someone on the path.
	 */
	*peer_pre_rfc_auth = true;
	llog(RC_LOG, ike->sa.logger,
	     "gateway refused the RFC 5723 resumed AUTH; taking it for libreswan 5.2: the next resumption of this connection uses 5.2's form");
}
