import { describe, expect, it } from 'vitest';
import { detectIdentifier } from '../../src/core/privacy.ts';

describe('detectIdentifier', () => {
  it.each([
    ['주민번호 900101-1234567 입니다', 'rrn'],
    ['9001011234567', 'rrn'],
    ['외국인 900101-5234567', 'foreignerNumber'],
    ['면허 11-23-123456-78', 'driverLicence'],
    ['여권 M12345678', 'passport'],
    ['연락처 010-1234-5678', 'phone'],
    ['01012345678', 'phone'],
    ['부산 사상구 모라로 123 거주', 'address'],
    ['모라동 123-4번지', 'address'],
    ['행복아파트 101동 202호', 'address'],
  ])('finds %s as %s', (text, kind) => {
    expect(detectIdentifier(text)).toBe(kind);
  });

  it.each(['사례 2026-017 접수', '정례모임 2026-12-08 14:00', '051-310-1234', '모라3동 행정복지센터', '#12 회의'])(
    'leaves coordination text alone: %s',
    (text) => {
      expect(detectIdentifier(text)).toBeUndefined();
    },
  );
});
