/* libFuzzer target: the RFC 5723 ticket header parser and state decoder
 *
 * This program is free software; you can redistribute it and/or modify it
 * under the terms of the GNU General Public License as published by the
 * Free Software Foundation; either version 2 of the License, or (at your
 * option) any later version.  See <https://www.gnu.org/licenses/gpl2.txt>.
 *
 * The header is what an unauthenticated peer controls; the state TLVs
 * are authenticated, but versioned data from disk or another build, so
 * both must be total: any input gives a status, never a crash, a read
 * out of bounds or a leak.  A state that decodes must survive
 * encode -> decode unchanged.
 */

#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include <stdlib.h>

#include "ikev2_resume_ticket.h"
#include "lswalloc.h"

static void same(const struct resume_ticket_state *a, const struct resume_ticket_state *b)
{
	if (!(memeq(a->ticket_id, b->ticket_id, sizeof(a->ticket_id)) &&
	      hunk_eq(a->idi, b->idi) && hunk_eq(a->idr, b->idr) &&
	      a->peer_auth == b->peer_auth && a->auth_time == b->auth_time &&
	      a->expiry == b->expiry &&
	      memeq(a->spi_i, b->spi_i, sizeof(a->spi_i)) &&
	      memeq(a->spi_r, b->spi_r, sizeof(a->spi_r)) &&
	      memeq(&a->transforms, &b->transforms, sizeof(a->transforms)) &&
	      hunk_eq(a->sk_d, b->sk_d) && hunk_eq(a->conn_name, b->conn_name) &&
	      a->flags == b->flags && hunk_eq(a->ppk_id, b->ppk_id))) {
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* a private copy, so reads past SIZE are caught by ASan */
	uint8_t *copy = malloc(size + 1);
	memcpy(copy, data, size);
	shunk_t in = shunk2(copy, size);

	struct resume_ticket_header header;
	enum resume_ticket_status hs = resume_ticket_parse_header(in, &header);
	if (hs >= RESUME_TICKET_STATUS_ROOF) {
		abort();
	}

	struct resume_ticket_state state;
	enum resume_ticket_status st = resume_ticket_decode_state(in, &state);
	if (st >= RESUME_TICKET_STATUS_ROOF) {
		abort();
	}
	if (st == RESUME_TICKET_OK) {
		chunk_t again = resume_ticket_encode_state(&state);
		struct resume_ticket_state state2;
		if (resume_ticket_decode_state(HUNK_AS_SHUNK(again), &state2) != RESUME_TICKET_OK) {
			abort();
		}
		same(&state, &state2);
		free_resume_ticket_plaintext(&again);
	}
	free(copy);
	return 0;
}
