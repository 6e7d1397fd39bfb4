import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadValidBank } from '../src/tools/load-bank.ts';
import { renderRobustness, seeded, simulateVoters } from '../src/tools/robustness-report.ts';

const compass = loadValidBank('questions/socialpolitik');

describe('the robustness report', () => {
  it('is reproducible and ROBUSTNESS.md is up to date', () => {
    expect(readFileSync('questions/socialpolitik/ROBUSTNESS.md', 'utf8')).toBe(
      renderRobustness(compass),
    );
  });

  it('simulates party-like voters who answer as their party where it takes a stand', () => {
    const voters = simulateVoters(compass, 50, seeded(1));
    expect(voters.filter((v) => v.kind === 'random')).toHaveLength(50);
    const like = voters.filter((v) => v.kind === 'party-like');
    expect(new Set(like.map((v) => v.model))).toEqual(new Set(compass.parties.map((p) => p.id)));
    let close = 0;
    let total = 0;
    for (const { model, voter } of like)
      for (const s of compass.statements) {
        const p = s.stances[model!]!.position;
        if (p === null) continue;
        total++;
        if (Math.abs((voter.answers[s.id]!.answer as number) - p) <= 0.5) close++;
      }
    expect(close).toBe(total);
  });
});
