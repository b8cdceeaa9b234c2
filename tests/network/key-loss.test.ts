/**
 * The -404 rule for permanent keys (issue 10, finding 4): transport error
 * codes are unauthenticated, so a key is declared lost only when the first
 * answer on two fresh connections in a row is again -404 with nothing
 * decrypted in between. https://core.telegram.org/mtproto/mtproto-transports#transport-errors
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AuthKeyLossDetector } from '../../ts/network/key-loss.js';

test('a single -404 only makes the key suspect', () => {
  const d = new AuthKeyLossDetector();
  d.connectionOpened();
  assert.is(d.notFound(), 'suspect');
});

test('-404 as the first answer on two fresh connections after the first one: lost', () => {
  const d = new AuthKeyLossDetector();
  const verdicts = [];
  for (let i = 0; i < 3; i++) {
    d.connectionOpened();
    verdicts.push(d.notFound());
  }
  assert.equal(verdicts, ['suspect', 'suspect', 'lost']);
});

test('anything decrypted in between clears the suspicion', () => {
  const d = new AuthKeyLossDetector();
  d.connectionOpened();
  d.notFound();
  d.connectionOpened();
  d.notFound();
  d.connectionOpened();
  d.decrypted();
  assert.is(d.notFound(), 'suspect', 'a -404 after an answer on the same connection starts over');
  d.connectionOpened();
  d.notFound();
  d.connectionOpened();
  assert.is(d.notFound(), 'lost');
});

test('only one -404 per connection counts (a burst of injected frames is one strike)', () => {
  const d = new AuthKeyLossDetector();
  d.connectionOpened();
  assert.equal([d.notFound(), d.notFound(), d.notFound()], ['suspect', 'ignored', 'ignored']);
});

test('an injected -404 on every connection that also carries answers never confirms', () => {
  const d = new AuthKeyLossDetector();
  for (let i = 0; i < 20; i++) {
    d.connectionOpened();
    d.decrypted();
    assert.is(d.notFound(), 'suspect');
  }
});

test('the number of confirmations is an option', () => {
  const d = new AuthKeyLossDetector(1);
  d.connectionOpened();
  d.notFound();
  d.connectionOpened();
  assert.is(d.notFound(), 'lost');
});

test.run();
