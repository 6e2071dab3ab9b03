# A small customer-data service. `plan.json` next to this file is its plan, as written by
#   terraform init && terraform plan -out plan.out && terraform show -json plan.out > plan.json
# Run eugate on it:  npx pnpm@10 demo   (or: eugate scan examples/terraform-eu-customer-data/plan.json)

provider "aws" {
  region = var.region
}

# Disaster-recovery copies go to another region: eugate follows them.
provider "aws" {
  alias  = "dr"
  region = "us-east-1"
}

variable "region" {
  type    = string
  default = "eu-central-1"
}

resource "aws_s3_bucket" "customer_documents" {
  bucket = "acme-customer-documents"
  tags   = { data-classification = "personal" }
}

resource "aws_s3_bucket_public_access_block" "customer_documents" {
  bucket                  = aws_s3_bucket.customer_documents.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_replication_configuration" "customer_documents" {
  bucket = aws_s3_bucket.customer_documents.id
  role   = "arn:aws:iam::123456789012:role/replication"
  rule {
    id     = "dr"
    status = "Enabled"
    destination {
      bucket = aws_s3_bucket.customer_documents_dr.arn
    }
  }
}

resource "aws_s3_bucket" "customer_documents_dr" {
  provider = aws.dr
  bucket   = "acme-customer-documents-dr"
}

resource "aws_security_group" "crm_db" {
  name = "crm-db"
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_instance" "crm" {
  identifier             = "crm"
  engine                 = "postgres"
  instance_class         = "db.t4g.micro"
  allocated_storage      = 20
  username               = "crm"
  manage_master_user_password = true
  publicly_accessible    = true
  storage_encrypted      = false
  vpc_security_group_ids = [aws_security_group.crm_db.id]
  tags                   = { data-classification = "personal" }
}

resource "aws_kms_key" "sessions" {
  description         = "sessions table"
  enable_key_rotation = true
}

resource "aws_dynamodb_table" "sessions" {
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.sessions.arn
  }
  replica {
    region_name = "eu-west-1"
  }
  tags = { DataClassification = "PII" }
}

resource "aws_s3_bucket" "public_assets" {
  bucket = "acme-public-assets"
  tags   = { data-classification = "public" }
}

resource "aws_lambda_function" "api" {
  function_name = "customer-api"
  role          = "arn:aws:iam::123456789012:role/api"
  runtime       = "nodejs22.x"
  handler       = "index.handler"
  filename      = "api.zip"
}
