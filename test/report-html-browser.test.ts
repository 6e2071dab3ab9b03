import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cloudFormationDescriber, readCloudFormationTemplate, terraformAwsDescriber } from '@eugate/aws';
import { terraformAzurermDescriber } from '@eugate/azure';
import { defaultConfig, type RawResource, type Report, renderHtml, scanRawResources } from '@eugate/core';
import { readTerraformPlan } from '@eugate/terraform';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, REPO_ROOT, tempDir } from './support/cli.js';

/**
 * The HTML report in a real browser: Debian's Chromium, driven by playwright-core, with the
 * machine's network closed. The report comes from a multi-cloud scan through the real pipeline
 * (Terraform AWS + azurerm plans, CloudFormation and CDK templates, one hostile template).
 */

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');

/** The test setup installs Chromium when it is missing (CI runs on a clean Debian machine as root). */
function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const apt = (...args: string[]) =>
    spawnSync('apt-get', args, {
      encoding: 'utf8',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      maxBuffer: 64 * 1024 * 1024,
    });
  let run = apt('install', '-y', 'chromium');
  if (run.status !== 0) {
    apt('update');
    run = apt('install', '-y', 'chromium');
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing and \`apt-get install -y chromium\` failed (exit ${run.status}): ${run.stderr || run.error?.message}`,
    );
  }
}

/** A template whose names and values try to inject markup; the page must show them as text. */
const HOSTILE_TEMPLATE = JSON.stringify({
  Resources: {
    'Evil<img src=x onerror=window.__pwned=1>': {
      Type: 'AWS::S3::Bucket',
      Properties: {
        BucketName: '<script>window.__pwned=2</script>',
        Tags: [{ Key: 'data-classification', Value: 'personal' }],
      },
    },
  },
});

function multiCloudReport(): Report {
  const hostileDir = tempDir({ 'hostile.template.json': HOSTILE_TEMPLATE });
  const cdk = (name: string) => join(CORPUS, 'cdk', name);
  const inputs: {
    path: string;
    read: (text: string, file: string) => { resources: readonly RawResource[] };
  }[] = [
    { path: join(REPO_ROOT, 'examples/terraform-eu-customer-data/plan.json'), read: readTerraformPlan },
    {
      // Azure VMs with disks and key vaults in North Europe and UK South (an adequacy country).
      path: join(CORPUS, 'terraform_plan/BelalK1__cap-azure-squad2__plan.json'),
      read: readTerraformPlan,
    },
    {
      // A DynamoDB global table with replicas in three US regions.
      path: cdk(
        'aws__aws-cdk__packages__aws-cdk-testing_framework-integ_test_aws-dynamodb_test_integ.table-v2-global.js.snapshot_aws-cdk-global-table.template.json',
      ),
      read: (text, file) => readCloudFormationTemplate(text, file, { region: 'eu-west-1' }),
    },
    {
      // Buckets served through CloudFront: cached at edge locations worldwide.
      path: cdk(
        'awslabs__aws-solutions-constructs__source_patterns__aws-solutions-constructs_aws-cloudfront-s3_test_integ.cfts3-no-arguments.js.snapshot_cfts3-no-arguments.template.json',
      ),
      read: (text, file) => readCloudFormationTemplate(text, file, { region: 'eu-west-1' }),
    },
    {
      // No --region: the database and its read replica are in an unknown place (fails closed).
      path: join(
        CORPUS,
        'cfn/aws-cloudformation__aws-cloudformation-templates__RDS_RDS_MySQL_With_Read_Replica.json',
      ),
      read: (text, file) => readCloudFormationTemplate(text, file),
    },
    {
      path: join(hostileDir, 'hostile.template.json'),
      read: (text, file) => readCloudFormationTemplate(text, file, { region: 'eu-west-1' }),
    },
  ];
  const resources: RawResource[] = [];
  const files: string[] = [];
  for (const input of inputs) {
    const file = input.path.startsWith(hostileDir)
      ? 'hostile.template.json'
      : relative(REPO_ROOT, input.path);
    files.push(file);
    resources.push(...input.read(readFileSync(input.path, 'utf8'), file).resources);
  }
  rmSync(hostileDir, { recursive: true, force: true });
  return scanRawResources(
    { resources, inputs: files },
    [terraformAwsDescriber, terraformAzurermDescriber, cloudFormationDescriber],
    {
      ...defaultConfig(),
      waivers: [
        {
          rule: 'EU-ACC-004',
          resource: 'aws_s3_bucket.customer_documents',
          reason: 'Object access is logged through CloudTrail data events.',
          owner: 'dpo@example.eu',
          expires: '2027-06-30',
        },
        {
          rule: 'EU-ENC-001',
          resource: 'aws_db_instance.crm',
          reason: 'Encrypted snapshot restore planned for Q3.',
          owner: 'team-crm',
          expires: '2026-06-30',
        },
        {
          rule: 'EU-RES-001',
          resource: 'aws_s3_bucket.legacy_*',
          reason: 'Legacy buckets are being migrated.',
          owner: 'team-data',
          expires: '2027-12-31',
        },
      ],
    },
    { today: '2026-11-22', toolVersion: '0.1.0' },
  );
}

describe('the HTML report in headless Chromium', () => {
  let report: Report;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const requests: string[] = [];
  const problems: string[] = [];
  let url: string;

  beforeAll(async () => {
    ensureChromium();
    report = multiCloudReport();
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'report.html');
    writeFileSync(file, renderHtml(report));
    url = pathToFileURL(file).href;
    userDataDir = tempDir();
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1360, height: 900 },
      deviceScaleFactor: 1,
    });
    context.on('request', (request) => requests.push(request.url()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(url);
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('shows the verdict', async () => {
    expect(report.verdict).toBe('fail');
    await expect(page.title()).resolves.toBe('eugate residency report — FAIL');
    const verdict = await page.locator('.verdict-text').textContent();
    expect(verdict).toMatch(/^FAIL: \d+ blocking findings \(\d+ fail, \d+ unknown\)$/);
  });

  it('shows every personal-data resource in the residency map, under its jurisdiction', async () => {
    const personal = report.inventory.filter((entry) => entry.personalData !== null);
    const rows = page.locator('tr.map-row');
    await expect(rows.count()).resolves.toBe(personal.length);
    const placed = await rows.evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-jurisdiction'), tr.querySelector('th code')?.textContent]),
    );
    expect(placed).toEqual(
      expect.arrayContaining([
        ['EU', 'aws_s3_bucket.customer_documents'],
        ['OTHER', 'aws_s3_bucket.customer_documents_dr'],
        ['ADQ', expect.stringContaining('module.server["UK South"]')],
        ['EU', expect.stringContaining('module.server["North Europe"]')],
        ['UNKNOWN', 'MainDB'],
      ]),
    );
    await expect(page.locator('#map-adq .badge').textContent()).resolves.toBe('Not allowed by the profile');
    await expect(page.locator('#map-eu .badge').textContent()).resolves.toBe('Allowed by the profile');
  });

  it('draws the personal-data flows that leave the allowed jurisdictions as SVG', async () => {
    const leaving = (report.flows ?? []).filter((flow) => flow.allowed !== true);
    expect(leaving.some((flow) => flow.worldwide)).toBe(true);
    expect(leaving.some((flow) => flow.toJurisdiction === 'OTHER')).toBe(true);
    const svg = page.locator('svg.flow-diagram');
    await expect(svg.isVisible()).resolves.toBe(true);
    const box = await svg.boundingBox();
    expect(box?.width).toBeGreaterThan(600);
    await expect(svg.locator('g.flow').count()).resolves.toBe(leaving.length);
    await expect(svg.locator('g.flow-outside').count()).resolves.toBe(
      leaving.filter((flow) => flow.allowed === false).length,
    );
    const columns = await svg.locator('.band-title').allTextContents();
    expect(columns).toEqual(
      expect.arrayContaining(['European Union', 'Other countries', 'Edge locations worldwide']),
    );
    // Every flow, allowed or not, is in the table too.
    await expect(page.locator('#flows-table tbody tr').count()).resolves.toBe(report.flows!.length);
  });

  it('filters the findings by category, status, severity and gate', async () => {
    const rows = page.locator('#findings-table tbody tr');
    const total = report.findings.length;
    const visible = () => page.locator('#findings-table tbody tr:not([hidden])').count();
    const count = page.locator('#finding-count');
    await expect(page.locator('#finding-filters').isVisible()).resolves.toBe(true);
    await expect(rows.count()).resolves.toBe(total);
    await expect(visible()).resolves.toBe(total);
    await expect(count.textContent()).resolves.toBe(`Showing ${total} of ${total} findings`);

    const of = (predicate: (finding: Report['findings'][number]) => boolean) =>
      report.findings.filter(predicate).length;
    const encryption = of((finding) => finding.rule.category === 'encryption');
    expect(encryption).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: /^Encryption/ }).uncheck();
    await expect(visible()).resolves.toBe(total - encryption);
    await expect(
      page.locator('#findings-table tr[data-category="encryption"]:not([hidden])').count(),
    ).resolves.toBe(0);
    await expect(count.textContent()).resolves.toBe(`Showing ${total - encryption} of ${total} findings`);

    await page.getByRole('checkbox', { name: /^Fail/ }).uncheck();
    await expect(visible()).resolves.toBe(
      of((finding) => finding.rule.category !== 'encryption' && finding.status !== 'fail'),
    );
    await page.getByRole('checkbox', { name: /^Encryption/ }).check();
    await page.getByRole('checkbox', { name: /^Fail/ }).check();
    await expect(visible()).resolves.toBe(total);

    await page.getByRole('checkbox', { name: 'Blocking only' }).check();
    await expect(visible()).resolves.toBe(of((finding) => finding.blocking));
    await expect(
      page.locator('#findings-table tr[data-status="waived"]:not([hidden])').count(),
    ).resolves.toBe(0);
    await page.getByRole('checkbox', { name: 'Blocking only' }).uncheck();

    await page.getByLabel('Lowest severity shown').selectOption('critical');
    await expect(visible()).resolves.toBe(of((finding) => finding.rule.severity === 'critical'));

    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(visible).toBe(total);
  });

  it('lists waivers with owner and expiry: active, expired and unused', async () => {
    const states = await page
      .locator('#waivers-table tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.getAttribute('data-waiver-state'), tr.querySelectorAll('td')[2]?.textContent]),
      );
    expect(states).toEqual([
      ['expired', 'team-crm'],
      ['unused', 'team-data'],
      ['active', 'dpo@example.eu'],
    ]);
    await expect(page.locator('#waivers-table').textContent()).resolves.toContain('2027-06-30');
  });

  it('lists the not-modelled resource types', async () => {
    const types = await page.locator('#not-modelled-table tbody th').allTextContents();
    expect(types).toEqual(report.notModelled.map((entry) => entry.type));
  });

  it('shows hostile names as text and runs no injected script', async () => {
    await expect(page.evaluate(() => (window as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    await expect(page.locator('script').count()).resolves.toBe(1);
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(
      page.locator('tr.map-row th code', { hasText: 'Evil<img src=x onerror=window.__pwned=1>' }).count(),
    ).resolves.toBe(1);
  });

  it('attempts no network request and reports no error (CSP violations included)', () => {
    expect(requests).toEqual([url]);
    expect(problems).toEqual([]);
  });

  it('prints without the interactive parts, and saves a screenshot and a PDF as test artifacts', async () => {
    const screenshot = join(ARTIFACTS, 'report.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(statSync(screenshot).size).toBeGreaterThan(50_000);

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#finding-filters').isVisible()).resolves.toBe(false);
    await expect(page.locator('nav.toc').isVisible()).resolves.toBe(false);
    await expect(page.locator('svg.flow-diagram').isVisible()).resolves.toBe(true);
    const pdf = join(ARTIFACTS, 'report.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    expect(requests).toEqual([url]);
  });
});
