describe('jest setup', () => {
  it('runs TypeScript tests', () => {
    const total: number = 1 + 1;
    expect(total).toBe(2);
  });
});
