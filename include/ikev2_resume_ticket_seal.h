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

/*
 * The AEAD around a ticket's state (ikev2_resume_ticket.h has the
 * layout): AES-256-GCM inside NSS under a key it is given, a fresh
 * random nonce per ticket, the clear header as AAD.  Which key seals
 * is the key ring's business (ikev2_resume_keyring.h).
 */

#ifndef IKEV2_RESUME_TICKET_SEAL_H
#define IKEV2_RESUME_TICKET_SEAL_H

#include <stdint.h>
#include <pk11pub.h>

#include "chunk.h"
#include "shunk.h"
#include "ikev2_resume_ticket.h"

struct logger;

/*
 * Seal PLAINTEXT under KEY (AES-256, CKM_AES_GCM) with a fresh random
 * nonce: returns the whole ticket, or an empty chunk after logging.
 */
chunk_t resume_ticket_seal(PK11SymKey *key,
			   const uint8_t key_id[RESUME_TICKET_KEY_ID_SIZE],
			   shunk_t plaintext, struct logger *logger);

/*
 * Open TICKET (whose header parsed) with KEY: the plaintext, or
 * RESUME_TICKET_TAG_FAILURE.  Free the plaintext with
 * free_resume_ticket_plaintext(), which wipes it: it holds SK_d.
 */
enum resume_ticket_status resume_ticket_open(PK11SymKey *key, shunk_t ticket,
					     chunk_t *plaintext);

#endif
