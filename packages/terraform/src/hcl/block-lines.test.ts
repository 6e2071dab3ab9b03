import { describe, expect, it } from 'vitest';
import { hclBlockLines, scanBlockHeaders } from './block-lines.js';

const SOURCE = `# resource "aws_s3_bucket" "in_a_comment" {
// resource "aws_s3_bucket" "in_a_line_comment" {
/*
resource "aws_s3_bucket" "in_a_block_comment" {
*/
resource "aws_s3_bucket" "first" {
  bucket = "first"
  policy = <<EOT
resource "aws_s3_bucket" "in_a_heredoc" {
EOT
  description = "resource \\"aws_s3_bucket\\" \\"in_a_string\\" {"
  nested {
    resource "x" "y" {}
  }
}

resource aws_s3_bucket bare_labels {
  tags = { a = "\${var.x}" }
}

module "store" {
  source = "./store"
}

locals {
  indented = <<-EOT
    resource "aws_s3_bucket" "in_an_indented_heredoc" {
    EOT
}

resource "aws_s3_bucket" "last" {}
`;

describe('hclBlockLines', () => {
  it('finds the line of every top-level block header, and none in comments, strings, heredocs or nested blocks', () => {
    expect(scanBlockHeaders(SOURCE).map((header) => [header.keyword, ...header.labels, header.line])).toEqual(
      [
        ['resource', 'aws_s3_bucket', 'first', 6],
        ['resource', 'aws_s3_bucket', 'bare_labels', 17],
        ['module', 'store', 21],
        ['locals', 25],
        ['resource', 'aws_s3_bucket', 'last', 31],
      ],
    );
  });

  it('answers by keyword and labels', () => {
    const lines = hclBlockLines(SOURCE);
    expect(lines('resource', ['aws_s3_bucket', 'last'])).toBe(31);
    expect(lines('resource', ['aws_s3_bucket', 'in_a_heredoc'])).toBeUndefined();
  });
});
