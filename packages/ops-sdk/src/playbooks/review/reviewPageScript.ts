/**
 * @internal The review page's own check, run by the signer's browser: it
 * reads the transaction fields the page shows, hashes them as a Safe
 * (v1.3.0 and later) does, and marks the safeTxHash the page displays as
 * `match` or `MISMATCH`. It trusts nothing the CLI computed, so it carries
 * its own keccak-256 (docs/safe-formats.md#safe-transaction-hash).
 *
 * Plain ES2020 with no template strings, so it can sit in a TypeScript
 * template literal; `reviewPageCheck` is the one global the tests call.
 */
export const reviewPageScript = `
'use strict';
var reviewPageCheck = (function () {
  // Keccak-f[1600] on 32-bit halves: lane i is lo[i], hi[i].
  var RC = ['0000000000000001', '0000000000008082', '800000000000808a',
    '8000000080008000', '000000000000808b', '0000000080000001',
    '8000000080008081', '8000000000008009', '000000000000008a',
    '0000000000000088', '0000000080008009', '000000008000000a',
    '000000008000808b', '800000000000008b', '8000000000008089',
    '8000000000008003', '8000000000008002', '8000000000000080',
    '000000000000800a', '800000008000000a', '8000000080008081',
    '8000000000008080', '0000000080000001', '8000000080008008'];
  var RC_HI = RC.map(function (c) { return parseInt(c.slice(0, 8), 16) | 0; });
  var RC_LO = RC.map(function (c) { return parseInt(c.slice(8), 16) | 0; });
  var ROT = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45,
    15, 21, 8, 18, 2, 61, 56, 14];

  function permute(lo, hi) {
    var cLo = new Int32Array(5), cHi = new Int32Array(5);
    var bLo = new Int32Array(25), bHi = new Int32Array(25);
    for (var round = 0; round < 24; round++) {
      var x, y, i;
      for (x = 0; x < 5; x++) {
        cLo[x] = lo[x] ^ lo[x + 5] ^ lo[x + 10] ^ lo[x + 15] ^ lo[x + 20];
        cHi[x] = hi[x] ^ hi[x + 5] ^ hi[x + 10] ^ hi[x + 15] ^ hi[x + 20];
      }
      for (x = 0; x < 5; x++) {
        var nLo = cLo[(x + 1) % 5], nHi = cHi[(x + 1) % 5];
        var dLo = cLo[(x + 4) % 5] ^ ((nLo << 1) | (nHi >>> 31));
        var dHi = cHi[(x + 4) % 5] ^ ((nHi << 1) | (nLo >>> 31));
        for (y = 0; y < 25; y += 5) { lo[x + y] ^= dLo; hi[x + y] ^= dHi; }
      }
      for (x = 0; x < 5; x++)
        for (y = 0; y < 5; y++) {
          i = x + 5 * y;
          var r = ROT[i], aLo = lo[i], aHi = hi[i], t;
          if (r >= 32) { t = aLo; aLo = aHi; aHi = t; r -= 32; }
          var j = y + 5 * ((2 * x + 3 * y) % 5);
          if (r === 0) { bLo[j] = aLo; bHi[j] = aHi; }
          else {
            bLo[j] = (aLo << r) | (aHi >>> (32 - r));
            bHi[j] = (aHi << r) | (aLo >>> (32 - r));
          }
        }
      for (y = 0; y < 25; y += 5)
        for (x = 0; x < 5; x++) {
          lo[x + y] = bLo[x + y] ^ (~bLo[(x + 1) % 5 + y] & bLo[(x + 2) % 5 + y]);
          hi[x + y] = bHi[x + y] ^ (~bHi[(x + 1) % 5 + y] & bHi[(x + 2) % 5 + y]);
        }
      lo[0] ^= RC_LO[round];
      hi[0] ^= RC_HI[round];
    }
  }

  // Keccak-256 as Ethereum uses it: rate 136 bytes, padding 0x01 … 0x80.
  function keccak256(bytes) {
    var rate = 136;
    var padded = new Uint8Array((Math.floor(bytes.length / rate) + 1) * rate);
    padded.set(bytes);
    padded[bytes.length] ^= 0x01;
    padded[padded.length - 1] ^= 0x80;
    var lo = new Int32Array(25), hi = new Int32Array(25);
    for (var offset = 0; offset < padded.length; offset += rate) {
      for (var lane = 0; lane < rate / 8; lane++) {
        var p = offset + lane * 8;
        lo[lane] ^= padded[p] | (padded[p + 1] << 8) | (padded[p + 2] << 16) | (padded[p + 3] << 24);
        hi[lane] ^= padded[p + 4] | (padded[p + 5] << 8) | (padded[p + 6] << 16) | (padded[p + 7] << 24);
      }
      permute(lo, hi);
    }
    var out = new Uint8Array(32);
    for (var k = 0; k < 4; k++)
      for (var b = 0; b < 4; b++) {
        out[k * 8 + b] = (lo[k] >>> (8 * b)) & 0xff;
        out[k * 8 + 4 + b] = (hi[k] >>> (8 * b)) & 0xff;
      }
    return out;
  }

  function fromHex(hex) {
    if (!/^0x([0-9a-fA-F]{2})*$/.test(hex)) throw new Error('not hex: ' + hex);
    var bytes = new Uint8Array((hex.length - 2) / 2);
    for (var i = 0; i < bytes.length; i++)
      bytes[i] = parseInt(hex.slice(2 + 2 * i, 4 + 2 * i), 16);
    return bytes;
  }
  function toHex(bytes) {
    var hex = '0x';
    for (var i = 0; i < bytes.length; i++)
      hex += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return hex;
  }
  function utf8(text) { return new TextEncoder().encode(text); }
  function concat(parts) {
    var length = 0, i;
    for (i = 0; i < parts.length; i++) length += parts[i].length;
    var out = new Uint8Array(length), at = 0;
    for (i = 0; i < parts.length; i++) { out.set(parts[i], at); at += parts[i].length; }
    return out;
  }
  // ABI words: uint256 from a decimal string, address left-padded.
  function uintWord(decimal) {
    if (!/^[0-9]+$/.test(decimal)) throw new Error('not a whole number: ' + decimal);
    var hex = BigInt(decimal).toString(16);
    if (hex.length > 64) throw new Error('over 256 bits: ' + decimal);
    return fromHex('0x' + '0'.repeat(64 - hex.length) + hex);
  }
  function addressWord(address) {
    if (!/^0x[0-9a-fA-F]{40}$/.test(address)) throw new Error('not an address: ' + address);
    return fromHex('0x' + '0'.repeat(24) + address.slice(2));
  }

  var DOMAIN_TYPEHASH = keccak256(utf8('EIP712Domain(uint256 chainId,address verifyingContract)'));
  var SAFE_TX_TYPEHASH = keccak256(utf8('SafeTx(address to,uint256 value,bytes data,uint8 operation,uint256 safeTxGas,uint256 baseGas,uint256 gasPrice,address gasToken,address refundReceiver,uint256 nonce)'));

  // What Safe's getTransactionHash computes (v1.3.0 and later).
  function hashSafeTx(f) {
    var domainHash = keccak256(concat([DOMAIN_TYPEHASH, uintWord(f.chainId), addressWord(f.safe)]));
    var messageHash = keccak256(concat([
      SAFE_TX_TYPEHASH, addressWord(f.to), uintWord(f.value),
      keccak256(fromHex(f.data)), uintWord(f.operation), uintWord(f.safeTxGas),
      uintWord(f.baseGas), uintWord(f.gasPrice), addressWord(f.gasToken),
      addressWord(f.refundReceiver), uintWord(f.nonce)]));
    var safeTxHash = keccak256(concat([new Uint8Array([0x19, 0x01]), domainHash, messageHash]));
    return { domainHash: toHex(domainHash), messageHash: toHex(messageHash), safeTxHash: toHex(safeTxHash) };
  }

  function supportsVersion(version) {
    var parts = String(version).split('.').map(Number);
    return parts[0] > 1 || (parts[0] === 1 && parts[1] >= 3);
  }

  // Reads what the page shows, never a copy kept elsewhere in it.
  function fieldsOf(doc) {
    var fields = {};
    var cells = doc.querySelectorAll('[data-field]');
    for (var i = 0; i < cells.length; i++)
      fields[cells[i].getAttribute('data-field')] = cells[i].textContent.trim();
    return fields;
  }

  function check(doc) {
    var fields = fieldsOf(doc);
    var badge = doc.getElementById('hash-check');
    var detail = doc.getElementById('hash-check-detail');
    var result;
    if (!supportsVersion(fields.safeVersion)) {
      badge.textContent = 'NOT CHECKED';
      badge.className = 'badge unchecked';
      badge.setAttribute('data-status', 'unchecked');
      detail.textContent = 'Safe ' + fields.safeVersion + ' hashes without the chain id; this page checks Safe 1.3.0 and later only.';
      return { status: 'unchecked' };
    }
    try {
      result = hashSafeTx(fields);
    } catch (error) {
      badge.textContent = 'MISMATCH';
      badge.className = 'badge mismatch';
      badge.setAttribute('data-status', 'mismatch');
      detail.textContent = 'The fields shown cannot be hashed: ' + error.message;
      return { status: 'mismatch' };
    }
    var names = ['domainHash', 'messageHash', 'safeTxHash'];
    var differing = names.filter(function (name) {
      return result[name] !== String(fields[name]).toLowerCase();
    });
    names.forEach(function (name) {
      var mark = doc.getElementById(name + '-recomputed');
      if (mark) mark.textContent = result[name];
    });
    var status = differing.length === 0 ? 'match' : 'mismatch';
    badge.textContent = status === 'match' ? 'match' : 'MISMATCH';
    badge.className = 'badge ' + status;
    badge.setAttribute('data-status', status);
    detail.textContent = status === 'match'
      ? 'This browser hashed the fields below to the same safeTxHash, domain hash and message hash.'
      : 'This browser hashed the fields below differently (' + differing.join(', ') + '): do not sign.';
    return { status: status, computed: result };
  }

  if (typeof document !== 'undefined')
    document.addEventListener('DOMContentLoaded', function () { check(document); });
  return { keccak256: keccak256, hashSafeTx: hashSafeTx, check: check };
})();
`
