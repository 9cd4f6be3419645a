/* IKEv2 session resumption (RFC 5723): --impair log-resume-kat, for libreswan
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

#include "defs.h"
#include "state.h"
#include "log.h"
#include "crypt_symkey.h"
#include "ike_alg.h"
#include "ike_alg_encrypt.h"
#include "ike_alg_integ.h"
#include "ike_alg_prf.h"
#include "enum_names.h"
#include "ikev2_resume_kat.h"
#include "ikev2_resume_auth.h"
#include "ikev2_resume_session.h"

/*
 * Known-answer test output.  Long values go in pieces so that no log
 * line is truncated.
 */

#define KAT_PIECE_BYTES 256

static void log_kat_bytes(const struct ike_sa *ike, const char *name,
			  const uint8_t *bytes, size_t len)
{
	size_t off = 0;
	do {
		size_t n = (len - off < KAT_PIECE_BYTES ? len - off : KAT_PIECE_BYTES);
		LLOG_JAMBUF(RC_LOG, ike->sa.logger, buf) {
			jam(buf, "IMPAIR: resume KAT: %s +%zu: ", name, off);
			jam_hex_bytes(buf, bytes + off, n);
		}
		off += n;
	} while (off < len);
}

#define log_kat_hunk(IKE, NAME, HUNK)					\
	({								\
		typeof(HUNK) hunk_ = HUNK; /* evaluate once */		\
		log_kat_bytes(IKE, NAME, hunk_.ptr, hunk_.len);	\
	})

static void log_kat_symkey(const struct ike_sa *ike, const char *name, PK11SymKey *key)
{
	chunk_t bytes = chunk_from_symkey(name, key, ike->sa.logger);
	log_kat_hunk(ike, name, bytes);
	free_chunk_content(&bytes);
}

static void log_kat_string(const struct ike_sa *ike, const char *name, const char *value)
{
	llog(RC_LOG, ike->sa.logger, "IMPAIR: resume KAT: %s: %s", name, value);
}

void log_resume_kat_input(const struct ike_sa *ike)
{
	log_kat_string(ike, "role", (ike->sa.st_sa_role == SA_INITIATOR ? "initiator" : "responder"));
	log_kat_string(ike, "prf", ike->sa.st_oakley.ta_prf->common.fqn);
	log_kat_symkey(ike, "SK_d old", ike->sa.st_skey_d_nss);
	log_kat_hunk(ike, "Ni", ike->sa.st_ni);
	log_kat_hunk(ike, "Nr", ike->sa.st_nr);
}

void log_resume_kat_output(const struct ike_sa *ike, const ike_spis_t *new_spis)
{
	log_kat_bytes(ike, "SPIi", new_spis->initiator.bytes, sizeof(new_spis->initiator.bytes));
	log_kat_bytes(ike, "SPIr", new_spis->responder.bytes, sizeof(new_spis->responder.bytes));
	LLOG_JAMBUF(RC_LOG, ike->sa.logger, buf) {
		jam(buf, "IMPAIR: resume KAT: key sizes: SK_d %zu SK_a %zu SK_e %zu SK_p %zu",
		    ike->sa.st_oakley.ta_prf->prf_key_size,
		    (ike->sa.st_oakley.ta_integ == NULL ? 0 :
		     ike->sa.st_oakley.ta_integ->integ_keymat_size),
		    (ike->sa.st_oakley.enckeylen / BITS_PER_BYTE +
		     ike->sa.st_oakley.ta_encrypt->salt_size),
		    ike->sa.st_oakley.ta_prf->prf_key_size);
	}
	log_kat_symkey(ike, "SK_d", ike->sa.st_skey_d_nss);
	log_kat_symkey(ike, "SK_pi", ike->sa.st_skey_pi_nss);
	log_kat_symkey(ike, "SK_pr", ike->sa.st_skey_pr_nss);
}

void log_resume_kat_auth(const struct ike_sa *ike,
			 const struct resume_auth_input *input,
			 const struct crypt_mac *auth)
{
	enum_buf fb;
	log_kat_string(ike, "AUTH form",
		       str_enum_long(&resume_auth_form_names,
				     ike->sa.st_v2_resume_session->auth_form, &fb));
	log_kat_hunk(ike, "AUTH message", input->message);
	log_kat_hunk(ike, "AUTH nonce", input->nonce);
	log_kat_hunk(ike, "AUTH idhash", *input->idhash);
	log_kat_symkey(ike, "AUTH SK_px", input->SK_px);
	log_kat_hunk(ike, "AUTH value", *auth);
}
