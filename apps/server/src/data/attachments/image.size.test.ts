import { describe, expect, it } from 'vitest';
import { imageSize } from './image.size';

describe('imageSize', () => {
  it('reads GIF, JPEG and WebP headers', () => {
    const gif = Buffer.from('GIF89a\x05\x00\x07\x00', 'latin1');
    expect(imageSize(gif)).toEqual({ width: 5, height: 7 });
    // SOI, an APP0 segment, then SOF0 with height 480 and width 640.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03, 0, 0, 0, 0]);
    expect(imageSize(jpeg)).toEqual({ width: 640, height: 480 });
    const webp = Buffer.alloc(30);
    webp.write('RIFF', 0);
    webp.write('WEBP', 8);
    webp.write('VP8X', 12);
    webp.writeUIntLE(99, 24, 3);
    webp.writeUIntLE(49, 27, 3);
    expect(imageSize(webp)).toEqual({ width: 100, height: 50 });
  });

  it('answers undefined for anything else', () => {
    expect(imageSize(Buffer.from('hello world, not an image'))).toBeUndefined();
    expect(imageSize(Buffer.from([0xff, 0xd8, 0x00]))).toBeUndefined();
  });
});
