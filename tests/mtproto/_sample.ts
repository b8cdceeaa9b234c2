/**
 * The whole messages of https://core.telegram.org/mtproto/samples-auth_key
 * (the edition with nonce 15A084B3…, whose derived values are in
 * tests/crypto/_auth-key-sample.ts), rebuilt field by field from the page's
 * tables and hex dumps.
 *
 * Two things on the page cannot be used as printed:
 * - the `message_length` of the three SERVER messages (B8000000, 9C020000,
 *   70000000) does not match their dumps (80, 632 and 52 body bytes); the
 *   client messages' lengths do. The server messages below carry the real
 *   body lengths.
 * - RSA_PAD's temp_key is not published, so `encrypted_data` of
 *   req_DH_params cannot be reproduced; the test recomputes it from the
 *   page's data and random_padding_bytes with a temp_key of its own.
 */
import { hex as h, unhex as hex } from '../_hex.js';
import { SAMPLE } from '../crypto/_auth-key-sample.js';

const N = h(SAMPLE.nonce);
const SN = h(SAMPLE.serverNonce);
const le32 = (n: number) => h(new Uint8Array(new Uint32Array([n]).buffer));
const plain = (msgId: string, body: string) => hex('0000000000000000', msgId, le32(body.length / 2), body);

export const MSG_IDS = {
  reqPqMulti: 0x65abc0fc000df764n,
  reqDhParams: 0x65abc0fc000df768n,
  setClientDhParams: 0x65abc0fd000ecd48n,
};

/** Step 1, sent: 40 bytes exactly as dumped. */
export const REQ_PQ_MULTI = hex('0000000000000000', '64F70D00FCC0AB65', '14000000', 'F18E7EBE', N);

/** Step 2, received (message_length corrected to 80). */
export const RES_PQ = plain(
  '01C46FBEFCC0AB65',
  // biome-ignore lint/style/useTemplate: one piece per field of resPQ, as the spec's sample lists them
  '63241605' + N + SN + '081460E7D3FA727791000000' + '15C4B51C' + '03000000' + 'A5B7F709355FC30B' + '216BE86C022BB4C3' + '85FD64DE851D9DD0',
);

/** Step 4 input: random_padding_bytes of RSA_PAD (92 = 192 − 100 bytes of p_q_inner_data_dc). */
export const RSA_PAD_RANDOM_PADDING = hex(
  '5C3E7244F0896A34C58F66FC548B7A2D0A4153B5E703A8FF11FBF623B7E2F9BA25E3539490DA77CEB9AB45A44F9D7D3C',
  'B5DE7C0F69F0D5819112F5CACF06C964AE5D8BC3C727AC39A058681B8E80AAB76BF06CD90FCBC2B7CFBF8135',
);

/** Step 4 output as published (made with an unpublished temp_key). */
export const RSA_PAD_ENCRYPTED_DATA = hex(
  '8AEC7230B35085FA65678B7F89AB27414B5D3CBCE86D14A84557C24E36FD27B35FC5B4FF3C1C9013D4882024A44625EB',
  'CE779EBA82BDB479002343980775165EDD6D9ABF090C01240B16055BD66C66F0CA508F850D9690783339B61833845E9A',
  'B1E2170A8017620BCE98C5B43644F629E6DBA1CF612C77D5133DB227649592A419F6616EACE0E3F24D8C094800C3A06F',
  '98D2B9F2BB4151A23E3F21DBED9E89E5C2A7070692FAF4646876560723286276209A796A3429A0035FA82828B3A7BA4B',
  '4123FE10AE7CD92EC3C0CE8173046A28462491998012A0BD094B4162F9A9720E1995D08AF2FB19864BD27A9E6F4D0EF6',
  '8C4F6190857238C8C7DB9F058CCD17D0',
);

/** Step 5, sent, with the 256 bytes of encrypted_data left to the caller (offset 84). */
export function reqDhParams(encryptedData: Uint8Array): Uint8Array {
  return hex(
    '0000000000000000',
    '68F70D00FCC0AB65',
    '40010000',
    'BEE412D7',
    N,
    SN,
    '043C2357CF000000',
    '0456BFB29F000000',
    '85FD64DE851D9DD0',
    'FE000100',
    h(encryptedData),
  );
}
/** Where encrypted_data starts inside {@link reqDhParams}. */
export const REQ_DH_PARAMS_ENCRYPTED_OFFSET = 84;

/** Step 6, received (message_length corrected to 632). */
export const SERVER_DH_PARAMS_OK = plain('01E09A64FDC0AB65', `5C07E8D0${N}${SN}FE500200${h(SAMPLE.encryptedAnswer)}`);

/** Step 7.2, sent: as dumped. */
export const SET_CLIENT_DH_PARAMS = hex(
  '0000000000000000',
  '48CD0E00FDC0AB65',
  '78010000',
  '1F5F04F5',
  N,
  SN,
  'FE500100',
  h(SAMPLE.clientEncryptedData),
);

/** Step 9, received (message_length corrected to 52). */
export const DH_GEN_OK = plain('01C0A6F6FDC0AB65', `34F7CB3B${N}${SN}${h(SAMPLE.newNonceHash1)}`);

/** server_time of server_DH_inner_data (FDC0AB65). */
export const SERVER_TIME = 1705754877;

export { SAMPLE };
