import { describe, expect, it } from 'vitest';
import { holdsRole, holdsRoleOver, scopesOf, type Actor } from './roles.ts';

const editorOfDistrict: Actor = {
  kind: 'staff',
  userId: 7,
  username: 'li',
  displayName: '李',
  grants: [{ role: 'editor', unitId: 5, unitPath: '/1/5/' }],
};

describe('roles reach sub-units, not siblings or parents', () => {
  it.each([
    ['/1/5/', true],
    ['/1/5/12/', true],
    ['/1/50/', false],
    ['/1/', false],
    ['/2/5/', false],
  ])('an editor of /1/5/ over %s: %s', (path, allowed) => {
    expect(holdsRoleOver(editorOfDistrict, ['editor'], path)).toBe(allowed);
  });

  it('only the roles held count', () => {
    expect(holdsRoleOver(editorOfDistrict, ['system-admin'], '/1/5/')).toBe(false);
    expect(holdsRole(editorOfDistrict, ['editor', 'reviewer'])).toBe(true);
    expect(scopesOf(editorOfDistrict, ['editor'])).toEqual(['/1/5/']);
    expect(scopesOf({ kind: 'operator' }, ['editor'])).toBeNull();
  });
});
