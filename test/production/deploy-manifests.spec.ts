import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/sink';

const kubernetes = join(repoRoot, 'docs', 'deploy', 'kubernetes');
const manifests = ['lambda-sink.yaml', 'podmonitor.yaml'].map((f) => join(kubernetes, f));
const checker = join(repoRoot, 'tools', 'k8s-manifest-check');

const goMissing =
  spawnSync('go', ['version']).error !== undefined
    ? 'Go is not installed: tools/k8s-manifest-check needs it (and the Go module proxy once)'
    : undefined;

describe('the Kubernetes manifests in docs/deploy/kubernetes', () => {
  it(
    'decode strictly into the Kubernetes API types and pass Pod Security "restricted"',
    // Go is on CI's machines; elsewhere its absence is said, not hidden as a failure.
    { skip: process.env.CI ? undefined : goMissing },
    () => {
      // The first run downloads the checker's modules (k8s.io/api, the Pod Security admission)
      // and builds it: about a minute; later runs take a second.
      const result = spawnSync('go', ['run', '-buildvcs=false', '.', ...manifests], {
        cwd: checker,
        encoding: 'utf8',
        env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '-mod=readonly' },
      });
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(
        result.stdout,
        /^6 objects valid; pod templates pass Pod Security "restricted"/m,
      );
    },
  );

  it('let operators size the heap with NODE_OPTIONS and say that the REST API acts per replica', () => {
    const manifest = readFileSync(manifests[0], 'utf8');
    assert.match(manifest, /- name: NODE_OPTIONS\s+value: "--max-old-space-size=\d+/);
    assert.doesNotMatch(
      manifest,
      /args: \[[^\]]*max-old-space/,
      'no heap flag on the command line',
    );
    assert.match(manifest, /The REST API acts per replica/);
    assert.match(manifest, /kind: PodDisruptionBudget/);
    assert.match(readFileSync(manifests[1], 'utf8'), /kind: PodMonitor[\s\S]*path: \/metrics/);
  });
});
