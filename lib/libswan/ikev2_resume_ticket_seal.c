/* IKEv2 session resumption (RFC 5723): sealing tickets, for libreswan
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

#include <string.h>

#include <pk11pub.h>
#include <pkcs11t.h>

#include "ikev2_resume_ticket_seal.h"
#include "lswalloc.h"
#include "lswnss.h"
#include "lswlog.h"

/* NSS wants writable parameters: NONCE and AAD are the caller's copies */
static CK_GCM_PARAMS_V3 gcm_params(uint8_t nonce[RESUME_TICKET_NONCE_SIZE],
				   uint8_t aad[RESUME_TICKET_HEADER_SIZE])
{
	return (CK_GCM_PARAMS_V3) {
		.pIv = nonce,
		.ulIvLen = RESUME_TICKET_NONCE_SIZE,
		.ulIvBits = RESUME_TICKET_NONCE_SIZE * BITS_IN_BYTE,
		.pAAD = aad,
		.ulAADLen = RESUME_TICKET_HEADER_SIZE,
		.ulTagBits = RESUME_TICKET_TAG_SIZE * BITS_IN_BYTE,
	};
}

chunk_t resume_ticket_seal(PK11SymKey *key,
			   const uint8_t key_id[RESUME_TICKET_KEY_ID_SIZE],
			   shunk_t plaintext, struct logger *logger)
{
	size_t size = RESUME_TICKET_HEADER_SIZE + plaintext.len + RESUME_TICKET_TAG_SIZE;
	if (size > RESUME_TICKET_MAX_SIZE) {
		llog(RC_LOG, logger, "resume ticket of %zu bytes would exceed the %u byte limit",
		     size, (unsigned)RESUME_TICKET_MAX_SIZE);
		return empty_chunk;
	}
	/* flags and reserved stay 0 */
	struct resume_ticket_header h = { .version = RESUME_TICKET_VERSION, };
	memcpy(h.key_id, key_id, sizeof(h.key_id));
	/*
	 * Random 96-bit nonces: keys persist across restarts, so an
	 * in-memory counter could repeat.  Rotation bounds the number
	 * of tickets per key far below the 2^32 random-nonce limit
	 * (NIST SP 800-38D 8.3).
	 */
	if (PK11_GenerateRandom(h.nonce, sizeof(h.nonce)) != SECSuccess) {
		llog_nss_error(RC_LOG, logger, "generating resume ticket nonce failed");
		return empty_chunk;
	}
	chunk_t ticket = alloc_chunk(size, "resume ticket");
	uint8_t *header = ticket.ptr;
	resume_ticket_encode_header(&h, header);
	CK_GCM_PARAMS_V3 gcm = gcm_params(h.nonce, header);
	SECItem param = same_chunk_as_secitem(THING_AS_CHUNK(gcm), siBuffer);
	unsigned int out_len = 0;
	SECStatus rv = PK11_Encrypt(key, CKM_AES_GCM, &param,
				    header + RESUME_TICKET_HEADER_SIZE, &out_len,
				    ticket.len - RESUME_TICKET_HEADER_SIZE,
				    plaintext.ptr, plaintext.len);
	if (rv != SECSuccess || out_len != plaintext.len + RESUME_TICKET_TAG_SIZE) {
		llog_nss_error(RC_LOG, logger, "sealing resume ticket failed");
		free_chunk_content(&ticket);
		return empty_chunk;
	}
	return ticket;
}

enum resume_ticket_status resume_ticket_open(PK11SymKey *key, shunk_t ticket,
					     chunk_t *plaintext)
{
	*plaintext = empty_chunk;
	/* the caller parsed it already; this gives the nonce (a copy) */
	struct resume_ticket_header h;
	enum resume_ticket_status status = resume_ticket_parse_header(ticket, &h);
	if (status != RESUME_TICKET_OK) {
		return status;
	}
	uint8_t aad[RESUME_TICKET_HEADER_SIZE];
	memcpy(aad, ticket.ptr, sizeof(aad));
	CK_GCM_PARAMS_V3 gcm = gcm_params(h.nonce, aad);
	SECItem param = same_chunk_as_secitem(THING_AS_CHUNK(gcm), siBuffer);
	size_t sealed_len = ticket.len - RESUME_TICKET_HEADER_SIZE;
	chunk_t out = alloc_chunk(sealed_len, "resume ticket plaintext");
	unsigned int out_len = 0;
	SECStatus rv = PK11_Decrypt(key, CKM_AES_GCM, &param, out.ptr, &out_len, out.len,
				    (const uint8_t *)ticket.ptr + RESUME_TICKET_HEADER_SIZE,
				    sealed_len);
	if (rv != SECSuccess || out_len != sealed_len - RESUME_TICKET_TAG_SIZE) {
		free_resume_ticket_plaintext(&out);
		return RESUME_TICKET_TAG_FAILURE;
	}
	out.len = out_len;
	*plaintext = out;
	return RESUME_TICKET_OK;
}
