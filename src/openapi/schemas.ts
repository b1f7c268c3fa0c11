/**
 * The response schemas of the API, by component name. First derived from every answer the e2e
 * suite received, then kept by hand; the suite validates every JSON answer against them (strictly:
 * an undocumented field fails), so they cannot drift from what the server sends.
 */
export const RESPONSE_SCHEMAS: Record<string, object> = {
  "AhpResult": {
    "type": "object",
    "properties": {
      "weights": {
        "type": "array",
        "items": {
          "type": "number"
        }
      },
      "lambdaMax": {
        "type": "number"
      },
      "ci": {
        "type": "number"
      },
      "cr": {
        "type": "number"
      },
      "consistent": {
        "type": "boolean"
      },
      "applied": {
        "type": "boolean"
      },
      "acceptedInconsistency": {
        "type": "boolean"
      },
      "specificationVersion": {
        "type": "integer"
      }
    },
    "required": [
      "weights",
      "lambdaMax",
      "ci",
      "cr",
      "consistent",
      "applied",
      "acceptedInconsistency",
      "specificationVersion"
    ]
  },
  "Approval": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string",
        "format": "uuid"
      },
      "caseId": {
        "type": "string",
        "format": "uuid"
      },
      "decisionId": {
        "type": "string",
        "format": "uuid"
      },
      "approverId": {
        "type": "string",
        "format": "uuid"
      },
      "verdict": {
        "type": "string"
      },
      "comment": {
        "type": [
          "string",
          "null"
        ]
      },
      "returnTo": {
        "type": [
          "string",
          "null"
        ]
      },
      "snapshotHash": {
        "type": "string"
      },
      "createdAt": {
        "type": "string",
        "format": "date-time"
      },
      "lapsedAt": {
        "type": [
          "string",
          "null"
        ],
        "format": "date-time"
      },
      "repeated": {
        "type": "boolean"
      },
      "caseStage": {
        "type": "string"
      }
    },
    "required": [
      "id",
      "caseId",
      "decisionId",
      "approverId",
      "verdict",
      "comment",
      "returnTo",
      "snapshotHash",
      "createdAt",
      "lapsedAt",
      "repeated",
      "caseStage"
    ]
  },
  "ApprovalState": {
    "type": "object",
    "properties": {
      "required": {
        "type": [
          "integer",
          "null"
        ]
      },
      "executiveRequired": {
        "type": [
          "boolean",
          "null"
        ]
      },
      "amount": {
        "type": [
          "string",
          "null"
        ]
      },
      "currency": {
        "type": "string"
      },
      "snapshotHash": {
        "type": [
          "string",
          "null"
        ]
      },
      "stale": {
        "type": "boolean"
      },
      "approvals": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "id": {
              "type": "string",
              "format": "uuid"
            },
            "approverId": {
              "type": "string",
              "format": "uuid"
            },
            "approverName": {
              "type": "string"
            },
            "executive": {
              "type": "boolean"
            },
            "verdict": {
              "type": "string"
            },
            "comment": {
              "type": [
                "string",
                "null"
              ]
            },
            "returnTo": {
              "type": [
                "string",
                "null"
              ]
            },
            "snapshotHash": {
              "type": "string"
            },
            "createdAt": {
              "type": "string",
              "format": "date-time"
            },
            "lapsedAt": {
              "type": [
                "string",
                "null"
              ],
              "format": "date-time"
            },
            "decisionId": {
              "type": "string",
              "format": "uuid"
            },
            "lapsed": {
              "type": "boolean"
            }
          },
          "required": [
            "id",
            "approverId",
            "approverName",
            "executive",
            "verdict",
            "comment",
            "returnTo",
            "snapshotHash",
            "createdAt",
            "lapsedAt",
            "decisionId",
            "lapsed"
          ]
        }
      },
      "complete": {
        "type": "boolean"
      }
    },
    "required": [
      "required",
      "executiveRequired",
      "amount",
      "currency",
      "snapshotHash",
      "stale",
      "approvals",
      "complete"
    ]
  },
  "AuditEventPage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "caseId": {
              "type": "string",
              "format": "uuid"
            },
            "seq": {
              "type": "integer"
            },
            "actorId": {
              "type": [
                "string",
                "null"
              ],
              "format": "uuid"
            },
            "action": {
              "type": "string"
            },
            "data": {
              "type": "object",
              "description": "what the event records, by action (see the README)",
              "additionalProperties": true
            },
            "createdAt": {
              "type": "string",
              "format": "date-time"
            },
            "prevHash": {
              "type": "string"
            },
            "hash": {
              "type": "string"
            }
          },
          "required": [
            "caseId",
            "seq",
            "actorId",
            "action",
            "data",
            "createdAt",
            "prevHash",
            "hash"
          ]
        }
      },
      "total": {
        "type": "integer"
      }
    },
    "required": [
      "items",
      "total"
    ]
  },
  "AuditVerification": {
    "type": "object",
    "properties": {
      "valid": {
        "type": "boolean"
      },
      "length": {
        "type": "integer"
      },
      "headHash": {
        "type": "string"
      },
      "firstBrokenSeq": {
        "type": [
          "integer",
          "null"
        ]
      }
    },
    "required": [
      "valid",
      "length",
      "headHash",
      "firstBrokenSeq"
    ]
  },
  "Case": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string",
        "format": "uuid"
      },
      "reference": {
        "type": "string"
      },
      "title": {
        "type": "string"
      },
      "businessNeed": {
        "type": "string"
      },
      "quantity": {
        "type": "integer"
      },
      "unit": {
        "type": "string"
      },
      "estimatedBudget": {
        "type": "string"
      },
      "currency": {
        "type": "string"
      },
      "neededBy": {
        "type": "string",
        "format": "date"
      },
      "category": {
        "type": "string"
      },
      "purchaseType": {
        "type": "string"
      },
      "profitImpact": {
        "type": "integer"
      },
      "supplyRisk": {
        "type": "integer"
      },
      "kraljicCategory": {
        "type": "string"
      },
      "previousCaseId": {
        "type": [
          "string",
          "null"
        ],
        "format": "uuid"
      },
      "stage": {
        "type": "string"
      },
      "cancelReason": {
        "type": [
          "string",
          "null"
        ]
      },
      "awardedSupplierId": {
        "type": [
          "string",
          "null"
        ],
        "format": "uuid"
      },
      "awardedAmount": {
        "type": [
          "string",
          "null"
        ]
      },
      "awardedAt": {
        "type": [
          "string",
          "null"
        ],
        "format": "date-time"
      },
      "createdBy": {
        "type": "string",
        "format": "uuid"
      },
      "createdAt": {
        "type": "string",
        "format": "date-time"
      },
      "updatedAt": {
        "type": "string",
        "format": "date-time"
      }
    },
    "required": [
      "id",
      "reference",
      "title",
      "businessNeed",
      "quantity",
      "unit",
      "estimatedBudget",
      "currency",
      "neededBy",
      "category",
      "purchaseType",
      "profitImpact",
      "supplyRisk",
      "kraljicCategory",
      "previousCaseId",
      "stage",
      "cancelReason",
      "awardedSupplierId",
      "awardedAmount",
      "awardedAt",
      "createdBy",
      "createdAt",
      "updatedAt"
    ]
  },
  "CasePage": {
    "type": "object",
    "required": [
      "items",
      "total"
    ],
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Case"
        }
      },
      "total": {
        "type": "integer",
        "minimum": 0
      }
    }
  },
  "DecisionMatrix": {
    "type": "object",
    "properties": {
      "caseId": {
        "type": "string",
        "format": "uuid"
      },
      "currency": {
        "type": "string"
      },
      "asOf": {
        "type": "string",
        "format": "date"
      },
      "asOfBasis": {
        "type": "string"
      },
      "round": {
        "type": "object",
        "properties": {
          "number": {
            "type": "integer"
          },
          "bestAndFinal": {
            "type": "boolean"
          },
          "closedAt": {
            "type": "string",
            "format": "date-time"
          }
        },
        "required": [
          "number",
          "bestAndFinal",
          "closedAt"
        ]
      },
      "specificationVersion": {
        "type": "integer"
      },
      "strategic": {
        "type": "boolean"
      },
      "rule": {
        "type": "string"
      },
      "weights": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "criterionId": {
              "type": "string",
              "format": "uuid"
            },
            "name": {
              "type": "string"
            },
            "kind": {
              "type": "string"
            },
            "source": {
              "type": "string"
            },
            "direction": {
              "type": "string"
            },
            "normalization": {
              "type": "string"
            },
            "base": {
              "type": "number"
            },
            "effective": {
              "type": "number"
            }
          },
          "required": [
            "criterionId",
            "name",
            "kind",
            "source",
            "direction",
            "normalization",
            "base",
            "effective"
          ]
        }
      },
      "ranking": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "supplierId": {
              "type": "string",
              "format": "uuid"
            },
            "supplierName": {
              "type": "string"
            },
            "rank": {
              "type": "integer"
            },
            "total": {
              "type": "number"
            },
            "tie": {
              "type": "boolean"
            },
            "reliability": {
              "type": "number"
            },
            "totalPrice": {
              "type": "string"
            },
            "offerCurrency": {
              "type": "string"
            },
            "convertedTotal": {
              "type": "string"
            },
            "needsReconfirmation": {
              "type": "boolean"
            },
            "cells": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "criterionId": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "raw": {
                    "anyOf": [
                      {
                        "type": "number"
                      },
                      {
                        "type": "string"
                      },
                      {
                        "type": "null"
                      }
                    ]
                  },
                  "normalized": {
                    "type": "number"
                  },
                  "contribution": {
                    "type": "number"
                  },
                  "rawAmount": {
                    "type": "string"
                  },
                  "scoreCount": {
                    "type": "integer"
                  },
                  "scoreSpread": {
                    "type": [
                      "number",
                      "null"
                    ]
                  },
                  "consensusNeeded": {
                    "type": "boolean"
                  }
                },
                "required": [
                  "criterionId",
                  "raw",
                  "normalized",
                  "contribution"
                ]
              }
            }
          },
          "required": [
            "supplierId",
            "supplierName",
            "rank",
            "total",
            "tie",
            "reliability",
            "totalPrice",
            "offerCurrency",
            "convertedTotal",
            "needsReconfirmation",
            "cells"
          ]
        }
      },
      "excluded": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "supplierId": {
              "type": "string",
              "format": "uuid"
            },
            "supplierName": {
              "type": "string"
            },
            "requirementId": {
              "type": "string",
              "format": "uuid"
            },
            "requirement": {
              "type": "string"
            },
            "reason": {
              "type": "string"
            }
          },
          "required": [
            "supplierId",
            "supplierName",
            "requirementId",
            "requirement",
            "reason"
          ]
        }
      },
      "warnings": {
        "type": "array",
        "items": {
          "type": "string"
        }
      }
    },
    "required": [
      "caseId",
      "currency",
      "asOf",
      "asOfBasis",
      "round",
      "specificationVersion",
      "strategic",
      "rule",
      "weights",
      "ranking",
      "excluded",
      "warnings"
    ]
  },
  "EffectiveWeights": {
    "type": "object",
    "properties": {
      "strategic": {
        "type": "boolean"
      },
      "rule": {
        "type": "string"
      },
      "kraljicCategory": {
        "type": "string"
      },
      "specificationVersion": {
        "type": "integer"
      },
      "addedBuiltin": {
        "type": "boolean"
      },
      "items": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "criterionId": {
              "type": "string",
              "format": "uuid"
            },
            "name": {
              "type": "string"
            },
            "kind": {
              "type": "string"
            },
            "base": {
              "type": "number"
            },
            "effective": {
              "type": "number"
            }
          },
          "required": [
            "criterionId",
            "name",
            "kind",
            "base",
            "effective"
          ]
        }
      }
    },
    "required": [
      "strategic",
      "rule",
      "kraljicCategory",
      "specificationVersion",
      "addedBuiltin",
      "items"
    ]
  },
  "ExchangeRateList": {
    "type": "object",
    "properties": {
      "baseCurrency": {
        "type": "string"
      },
      "items": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "currency": {
              "type": "string"
            },
            "rate": {
              "type": "string"
            },
            "setBy": {
              "type": "string",
              "format": "uuid"
            },
            "setByName": {
              "type": "string"
            },
            "setAt": {
              "type": "string",
              "format": "date-time"
            }
          },
          "required": [
            "currency",
            "rate",
            "setBy",
            "setByName",
            "setAt"
          ]
        }
      },
      "total": {
        "type": "integer"
      }
    },
    "required": [
      "baseCurrency",
      "items"
    ]
  },
  "Health": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string"
      },
      "info": {
        "type": "object",
        "properties": {
          "database": {
            "type": "object",
            "properties": {
              "responseTime": {
                "type": "integer"
              },
              "status": {
                "type": "string"
              }
            },
            "required": [
              "responseTime",
              "status"
            ]
          }
        },
        "required": [
          "database"
        ]
      },
      "error": {
        "type": "object",
        "properties": {}
      },
      "details": {
        "type": "object",
        "properties": {
          "database": {
            "type": "object",
            "properties": {
              "responseTime": {
                "type": "integer"
              },
              "status": {
                "type": "string"
              }
            },
            "required": [
              "responseTime",
              "status"
            ]
          }
        },
        "required": [
          "database"
        ]
      }
    },
    "required": [
      "status",
      "info",
      "error",
      "details"
    ]
  },
  "ImportResult": {
    "type": "object",
    "properties": {
      "created": {
        "type": "integer"
      },
      "updated": {
        "type": "integer"
      }
    },
    "required": [
      "created",
      "updated"
    ]
  },
  "Invitation": {
    "type": "object",
    "properties": {
      "supplierId": {
        "type": "string",
        "format": "uuid"
      },
      "supplierName": {
        "type": "string"
      },
      "round": {
        "type": "object",
        "properties": {
          "number": {
            "type": "integer"
          },
          "deadline": {
            "type": "string",
            "format": "date-time"
          },
          "bestAndFinal": {
            "type": "boolean"
          }
        },
        "required": [
          "number",
          "deadline",
          "bestAndFinal"
        ]
      },
      "baseCurrency": {
        "type": "string"
      },
      "specificationVersion": {
        "type": "integer"
      },
      "requirements": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "id": {
              "type": "string",
              "format": "uuid"
            },
            "text": {
              "type": "string"
            },
            "type": {
              "type": "string"
            },
            "value": {
              "anyOf": [
                {
                  "type": "integer"
                },
                {
                  "type": "string"
                }
              ]
            }
          },
          "required": [
            "id",
            "text",
            "type",
            "value"
          ]
        }
      },
      "offerCriteria": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "id": {
              "type": "string",
              "format": "uuid"
            },
            "name": {
              "type": "string"
            },
            "direction": {
              "type": "string"
            },
            "normalization": {
              "type": "string"
            }
          },
          "required": [
            "id",
            "name",
            "direction",
            "normalization"
          ]
        }
      },
      "currentOffer": {
        "type": [
          "object",
          "null"
        ],
        "additionalProperties": true
      }
    },
    "required": [
      "supplierId",
      "supplierName",
      "round",
      "baseCurrency",
      "specificationVersion",
      "requirements",
      "offerCriteria",
      "currentOffer"
    ]
  },
  "InvitationList": {
    "type": "array",
    "items": {
      "type": "object",
      "properties": {
        "supplierId": {
          "type": "string",
          "format": "uuid"
        },
        "supplierName": {
          "type": "string"
        },
        "token": {
          "type": "string"
        },
        "expiresAt": {
          "type": "string",
          "format": "date-time"
        }
      },
      "required": [
        "supplierId",
        "supplierName",
        "token",
        "expiresAt"
      ]
    }
  },
  "IssuedToken": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string",
        "format": "uuid"
      },
      "token": {
        "type": "string"
      },
      "userId": {
        "type": "string",
        "format": "uuid"
      }
    },
    "required": [
      "id",
      "token",
      "userId"
    ]
  },
  "Member": {
    "type": "array",
    "items": {
      "type": "object",
      "properties": {
        "userId": {
          "type": "string",
          "format": "uuid"
        },
        "name": {
          "type": "string"
        },
        "email": {
          "type": "string"
        },
        "roles": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "addedAt": {
          "type": "string",
          "format": "date-time"
        }
      },
      "required": [
        "userId",
        "name",
        "email",
        "roles",
        "addedAt"
      ]
    }
  },
  "MemberList": {
    "type": "array",
    "items": {
      "type": "object",
      "properties": {
        "userId": {
          "type": "string",
          "format": "uuid"
        },
        "name": {
          "type": "string"
        },
        "email": {
          "type": "string"
        },
        "roles": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "addedAt": {
          "type": "string",
          "format": "date-time"
        }
      },
      "required": [
        "userId",
        "name",
        "email",
        "roles",
        "addedAt"
      ]
    }
  },
  "OfferPage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "supplierId": {
              "type": "string",
              "format": "uuid"
            },
            "supplierName": {
              "type": "string"
            },
            "submittedAt": {
              "type": "string",
              "format": "date-time"
            },
            "revision": {
              "type": "integer"
            },
            "submittedVia": {
              "type": "string"
            },
            "totalPrice": {
              "type": "string"
            },
            "currency": {
              "type": "string"
            },
            "rate": {
              "type": [
                "string",
                "null"
              ]
            },
            "convertedTotal": {
              "type": "string"
            },
            "concession": {
              "type": [
                "string",
                "null"
              ]
            },
            "lineItems": {
              "type": [
                "array",
                "null"
              ],
              "items": {
                "type": "object",
                "properties": {
                  "quantity": {
                    "type": "string"
                  },
                  "unitPrice": {
                    "type": "string"
                  },
                  "description": {
                    "type": "string"
                  }
                },
                "required": [
                  "quantity",
                  "unitPrice",
                  "description"
                ]
              }
            },
            "leadTimeDays": {
              "type": "integer"
            },
            "warrantyMonths": {
              "type": "integer"
            },
            "paymentDays": {
              "type": "integer"
            },
            "validUntil": {
              "type": "string",
              "format": "date"
            },
            "compliance": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "requirementId": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "met": {
                    "type": "boolean"
                  },
                  "note": {
                    "type": [
                      "string",
                      "null"
                    ]
                  }
                },
                "required": [
                  "requirementId",
                  "met",
                  "note"
                ]
              }
            },
            "values": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "value": {
                    "type": "number"
                  },
                  "criterionId": {
                    "type": "string",
                    "format": "uuid"
                  }
                },
                "required": [
                  "value",
                  "criterionId"
                ]
              }
            },
            "notes": {
              "type": [
                "string",
                "null"
              ]
            },
            "submittedBy": {
              "type": [
                "string",
                "null"
              ],
              "format": "uuid"
            },
            "specificationVersion": {
              "type": "integer"
            },
            "needsReconfirmation": {
              "type": "boolean"
            },
            "compliant": {
              "type": "boolean"
            },
            "eliminated": {
              "type": "boolean"
            }
          },
          "required": [
            "supplierId",
            "supplierName",
            "submittedAt",
            "revision",
            "submittedVia"
          ]
        }
      },
      "total": {
        "type": "integer"
      },
      "sealed": {
        "type": "boolean"
      }
    },
    "required": [
      "items",
      "total",
      "sealed"
    ]
  },
  "OfferReceipt": {
    "type": "object",
    "properties": {
      "round": {
        "type": "integer"
      },
      "supplierId": {
        "type": "string",
        "format": "uuid"
      },
      "revision": {
        "type": "integer"
      },
      "submittedVia": {
        "type": "string"
      },
      "submittedAt": {
        "type": "string",
        "format": "date-time"
      },
      "specificationVersion": {
        "type": "integer"
      },
      "needsReconfirmation": {
        "type": "boolean"
      }
    },
    "required": [
      "round",
      "supplierId",
      "revision",
      "submittedVia",
      "submittedAt",
      "specificationVersion",
      "needsReconfirmation"
    ]
  },
  "OfferRevisionList": {
    "type": "object",
    "properties": {
      "supplierId": {
        "type": "string",
        "format": "uuid"
      },
      "supplierName": {
        "type": "string"
      },
      "round": {
        "type": "integer"
      },
      "sealed": {
        "type": "boolean"
      },
      "items": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "supplierId": {
              "type": "string",
              "format": "uuid"
            },
            "supplierName": {
              "type": "string"
            },
            "submittedAt": {
              "type": "string",
              "format": "date-time"
            },
            "revision": {
              "type": "integer"
            },
            "submittedVia": {
              "type": "string"
            },
            "totalPrice": {
              "type": "string"
            },
            "currency": {
              "type": "string"
            },
            "rate": {
              "type": [
                "string",
                "null"
              ]
            },
            "convertedTotal": {
              "type": "string"
            },
            "concession": {
              "type": [
                "string",
                "null"
              ]
            },
            "lineItems": {
              "type": [
                "array",
                "null"
              ],
              "items": {
                "type": "object",
                "additionalProperties": true
              }
            },
            "leadTimeDays": {
              "type": "integer"
            },
            "warrantyMonths": {
              "type": "integer"
            },
            "paymentDays": {
              "type": "integer"
            },
            "validUntil": {
              "type": "string",
              "format": "date"
            },
            "compliance": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "requirementId": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "met": {
                    "type": "boolean"
                  },
                  "note": {
                    "type": [
                      "string",
                      "null"
                    ]
                  }
                },
                "required": [
                  "requirementId",
                  "met",
                  "note"
                ]
              }
            },
            "values": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "value": {
                    "type": "number"
                  },
                  "criterionId": {
                    "type": "string",
                    "format": "uuid"
                  }
                },
                "required": [
                  "value",
                  "criterionId"
                ]
              }
            },
            "notes": {
              "type": [
                "string",
                "null"
              ]
            },
            "submittedBy": {
              "type": [
                "string",
                "null"
              ],
              "format": "uuid"
            },
            "specificationVersion": {
              "type": "integer"
            },
            "needsReconfirmation": {
              "type": "boolean"
            },
            "compliant": {
              "type": "boolean"
            },
            "eliminated": {
              "type": "boolean"
            },
            "isCurrent": {
              "type": "boolean"
            }
          },
          "required": [
            "supplierId",
            "supplierName",
            "submittedAt",
            "revision",
            "submittedVia",
            "isCurrent"
          ]
        }
      }
    },
    "required": [
      "supplierId",
      "supplierName",
      "round",
      "sealed",
      "items"
    ]
  },
  "PendingApprovalList": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "caseId": {
              "type": "string",
              "format": "uuid"
            },
            "reference": {
              "type": "string"
            },
            "title": {
              "type": "string"
            },
            "amount": {
              "type": "string"
            },
            "currency": {
              "type": "string"
            },
            "required": {
              "type": "integer"
            },
            "executiveRequired": {
              "type": "boolean"
            },
            "approvalsGiven": {
              "type": "integer"
            },
            "proposal": {
              "type": "object",
              "properties": {
                "supplierId": {
                  "type": "string",
                  "format": "uuid"
                },
                "justification": {
                  "type": "string"
                },
                "override": {
                  "type": "boolean"
                },
                "snapshotHash": {
                  "type": "string"
                },
                "stale": {
                  "type": "boolean"
                }
              },
              "required": [
                "supplierId",
                "justification",
                "override",
                "snapshotHash",
                "stale"
              ]
            },
            "override": {
              "type": "boolean"
            },
            "ranking": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "supplierId": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "supplierName": {
                    "type": "string"
                  },
                  "rank": {
                    "type": "integer"
                  },
                  "total": {
                    "type": "number"
                  },
                  "tie": {
                    "type": "boolean"
                  }
                },
                "required": [
                  "supplierId",
                  "supplierName",
                  "rank",
                  "total",
                  "tie"
                ]
              }
            },
            "sensitive": {
              "type": "boolean"
            }
          },
          "required": [
            "caseId",
            "reference",
            "title",
            "amount",
            "currency",
            "required",
            "executiveRequired",
            "approvalsGiven",
            "proposal",
            "override",
            "ranking",
            "sensitive"
          ]
        }
      },
      "total": {
        "type": "integer"
      }
    },
    "required": [
      "items",
      "total"
    ]
  },
  "PerformanceEvent": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string",
        "format": "uuid"
      },
      "supplierId": {
        "type": "string",
        "format": "uuid"
      },
      "type": {
        "type": "string"
      },
      "date": {
        "type": "string",
        "format": "date"
      },
      "onTime": {
        "type": [
          "boolean",
          "null"
        ]
      },
      "inFull": {
        "type": [
          "boolean",
          "null"
        ]
      },
      "severity": {
        "type": [
          "string",
          "null"
        ]
      },
      "description": {
        "type": [
          "string",
          "null"
        ]
      },
      "caseId": {
        "type": [
          "string",
          "null"
        ],
        "format": "uuid"
      },
      "createdBy": {
        "type": "string",
        "format": "uuid"
      },
      "createdAt": {
        "type": "string",
        "format": "date-time"
      }
    },
    "required": [
      "id",
      "supplierId",
      "type",
      "date",
      "onTime",
      "inFull",
      "severity",
      "description",
      "caseId",
      "createdBy",
      "createdAt"
    ]
  },
  "PerformanceEventPage": {
    "type": "object",
    "required": [
      "items",
      "total"
    ],
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/PerformanceEvent"
        }
      },
      "total": {
        "type": "integer",
        "minimum": 0
      }
    }
  },
  "Policy": {
    "type": "object",
    "properties": {
      "strategic": {
        "type": "object",
        "properties": {
          "multiplier": {
            "type": "number"
          },
          "floor": {
            "type": "number"
          },
          "cap": {
            "type": "number"
          }
        },
        "required": [
          "multiplier",
          "floor",
          "cap"
        ]
      },
      "reliability": {
        "type": "object",
        "properties": {
          "halfLifeDays": {
            "type": "number"
          },
          "priorStrength": {
            "type": "number"
          },
          "priorMean": {
            "type": "number"
          },
          "severity": {
            "type": "object",
            "properties": {
              "minor": {
                "type": "number"
              },
              "major": {
                "type": "number"
              },
              "critical": {
                "type": "number"
              }
            },
            "required": [
              "minor",
              "major",
              "critical"
            ]
          },
          "weights": {
            "type": "object",
            "properties": {
              "otif": {
                "type": "number"
              },
              "quality": {
                "type": "number"
              },
              "certifications": {
                "type": "number"
              },
              "financial": {
                "type": "number"
              }
            },
            "required": [
              "otif",
              "quality",
              "certifications",
              "financial"
            ]
          }
        },
        "required": [
          "halfLifeDays",
          "priorStrength",
          "priorMean",
          "severity",
          "weights"
        ]
      },
      "approval": {
        "type": "object",
        "properties": {
          "bands": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "below": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "approvals": {
                  "type": "integer"
                },
                "executive": {
                  "type": "boolean"
                }
              },
              "required": [
                "below",
                "approvals",
                "executive"
              ]
            }
          }
        },
        "required": [
          "bands"
        ]
      },
      "sensitivity": {
        "type": "object",
        "properties": {
          "threshold": {
            "type": "number"
          },
          "closeCallPercent": {
            "type": "number"
          }
        },
        "required": [
          "threshold",
          "closeCallPercent"
        ]
      },
      "robustness": {
        "type": "object",
        "properties": {
          "samples": {
            "type": "integer"
          },
          "spread": {
            "type": "number"
          }
        },
        "required": [
          "samples",
          "spread"
        ]
      },
      "version": {
        "type": "integer"
      },
      "updatedAt": {
        "type": [
          "string",
          "null"
        ],
        "format": "date-time"
      },
      "updatedBy": {
        "type": [
          "string",
          "null"
        ],
        "format": "uuid"
      }
    },
    "required": [
      "strategic",
      "reliability",
      "approval",
      "sensitivity",
      "robustness",
      "version",
      "updatedAt",
      "updatedBy"
    ]
  },
  "Proposal": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string",
        "format": "uuid"
      },
      "supplierId": {
        "type": "string",
        "format": "uuid"
      },
      "supplierName": {
        "type": "string"
      },
      "justification": {
        "type": "string"
      },
      "override": {
        "type": "boolean"
      },
      "snapshotHash": {
        "type": "string"
      },
      "proposedBy": {
        "type": "string",
        "format": "uuid"
      },
      "proposedByName": {
        "type": "string"
      },
      "createdAt": {
        "type": "string",
        "format": "date-time"
      },
      "currentHash": {
        "type": "string"
      },
      "stale": {
        "type": "boolean"
      },
      "rank": {
        "type": "integer"
      },
      "total": {
        "type": "number"
      }
    },
    "required": [
      "id",
      "supplierId",
      "supplierName",
      "justification",
      "override",
      "snapshotHash",
      "proposedBy",
      "proposedByName",
      "createdAt",
      "currentHash",
      "stale"
    ]
  },
  "Reliability": {
    "type": "object",
    "properties": {
      "score": {
        "type": "number"
      },
      "parts": {
        "type": "object",
        "properties": {
          "otif": {
            "type": "number"
          },
          "quality": {
            "type": "number"
          },
          "certifications": {
            "type": "number"
          },
          "financial": {
            "type": "number"
          }
        },
        "required": [
          "otif",
          "quality",
          "certifications",
          "financial"
        ]
      },
      "observations": {
        "type": "object",
        "properties": {
          "deliveries": {
            "type": "integer"
          },
          "incidents": {
            "type": "integer"
          },
          "weightedDeliveries": {
            "type": "number"
          },
          "weightedOnTimeInFull": {
            "type": "number"
          },
          "weightedIncidentSeverity": {
            "type": "number"
          },
          "certificationsValid": {
            "type": "integer"
          },
          "certificationsListed": {
            "type": "integer"
          }
        },
        "required": [
          "deliveries",
          "incidents",
          "weightedDeliveries",
          "weightedOnTimeInFull",
          "weightedIncidentSeverity",
          "certificationsValid",
          "certificationsListed"
        ]
      },
      "asOf": {
        "type": "string",
        "format": "date"
      }
    },
    "required": [
      "score",
      "parts",
      "observations",
      "asOf"
    ]
  },
  "Round": {
    "type": "object",
    "properties": {
      "number": {
        "type": "integer"
      },
      "deadline": {
        "type": "string",
        "format": "date-time"
      },
      "bestAndFinal": {
        "type": "boolean"
      },
      "status": {
        "type": "string"
      },
      "closedAt": {
        "type": [
          "string",
          "null"
        ],
        "format": "date-time"
      },
      "closedBy": {
        "type": [
          "string",
          "null"
        ],
        "format": "uuid"
      },
      "openedBy": {
        "type": "string",
        "format": "uuid"
      },
      "createdAt": {
        "type": "string",
        "format": "date-time"
      },
      "participants": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "supplierId": {
              "type": "string",
              "format": "uuid"
            },
            "supplierName": {
              "type": "string"
            },
            "eliminated": {
              "type": "boolean"
            },
            "eliminatedAt": {
              "type": [
                "string",
                "null"
              ],
              "format": "date-time"
            },
            "eliminatedReason": {
              "type": [
                "string",
                "null"
              ]
            },
            "offerReceived": {
              "type": "boolean"
            },
            "submittedAt": {
              "type": [
                "string",
                "null"
              ],
              "format": "date-time"
            },
            "revision": {
              "type": [
                "integer",
                "null"
              ]
            },
            "submittedVia": {
              "type": [
                "string",
                "null"
              ]
            }
          },
          "required": [
            "supplierId",
            "supplierName",
            "eliminated",
            "eliminatedAt",
            "eliminatedReason",
            "offerReceived",
            "submittedAt",
            "revision",
            "submittedVia"
          ]
        }
      },
      "offersReceived": {
        "type": "integer"
      },
      "comparison": {
        "type": "object",
        "properties": {
          "round": {
            "type": "integer"
          },
          "baseCurrency": {
            "type": "string"
          },
          "pendingRateCurrencies": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "items": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "position": {
                  "type": "integer"
                },
                "supplierId": {
                  "type": "string",
                  "format": "uuid"
                },
                "supplierName": {
                  "type": "string"
                },
                "totalPrice": {
                  "type": "string"
                },
                "currency": {
                  "type": "string"
                },
                "rate": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "convertedTotal": {
                  "type": "string"
                },
                "concession": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "compliant": {
                  "type": "boolean"
                },
                "eliminated": {
                  "type": "boolean"
                },
                "needsReconfirmation": {
                  "type": "boolean"
                },
                "revision": {
                  "type": "integer"
                },
                "submittedAt": {
                  "type": "string",
                  "format": "date-time"
                }
              },
              "required": [
                "position",
                "supplierId",
                "supplierName",
                "totalPrice",
                "currency",
                "rate",
                "convertedTotal",
                "concession",
                "compliant",
                "eliminated",
                "needsReconfirmation",
                "revision",
                "submittedAt"
              ]
            }
          }
        },
        "required": [
          "round",
          "baseCurrency",
          "pendingRateCurrencies",
          "items"
        ]
      }
    },
    "required": [
      "number",
      "deadline",
      "bestAndFinal",
      "status",
      "closedAt",
      "closedBy",
      "openedBy",
      "createdAt",
      "participants",
      "offersReceived"
    ]
  },
  "RoundComparison": {
    "type": "object",
    "properties": {
      "round": {
        "type": "integer"
      },
      "baseCurrency": {
        "type": "string"
      },
      "pendingRateCurrencies": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "items": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "position": {
              "type": "integer"
            },
            "supplierId": {
              "type": "string",
              "format": "uuid"
            },
            "supplierName": {
              "type": "string"
            },
            "totalPrice": {
              "type": "string"
            },
            "currency": {
              "type": "string"
            },
            "rate": {
              "type": [
                "string",
                "null"
              ]
            },
            "convertedTotal": {
              "type": "string"
            },
            "concession": {
              "type": [
                "string",
                "null"
              ]
            },
            "compliant": {
              "type": "boolean"
            },
            "eliminated": {
              "type": "boolean"
            },
            "needsReconfirmation": {
              "type": "boolean"
            },
            "revision": {
              "type": "integer"
            },
            "submittedAt": {
              "type": "string",
              "format": "date-time"
            }
          },
          "required": [
            "position",
            "supplierId",
            "supplierName",
            "totalPrice",
            "currency",
            "rate",
            "convertedTotal",
            "concession",
            "compliant",
            "eliminated",
            "needsReconfirmation",
            "revision",
            "submittedAt"
          ]
        }
      }
    },
    "required": [
      "round",
      "baseCurrency",
      "pendingRateCurrencies",
      "items"
    ]
  },
  "RoundList": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "number": {
              "type": "integer"
            },
            "deadline": {
              "type": "string",
              "format": "date-time"
            },
            "bestAndFinal": {
              "type": "boolean"
            },
            "status": {
              "type": "string"
            },
            "closedAt": {
              "type": [
                "string",
                "null"
              ],
              "format": "date-time"
            },
            "closedBy": {
              "type": [
                "string",
                "null"
              ],
              "format": "uuid"
            },
            "openedBy": {
              "type": "string",
              "format": "uuid"
            },
            "createdAt": {
              "type": "string",
              "format": "date-time"
            },
            "participants": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "supplierId": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "supplierName": {
                    "type": "string"
                  },
                  "eliminated": {
                    "type": "boolean"
                  },
                  "eliminatedAt": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time"
                  },
                  "eliminatedReason": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "offerReceived": {
                    "type": "boolean"
                  },
                  "submittedAt": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time"
                  },
                  "revision": {
                    "type": [
                      "integer",
                      "null"
                    ]
                  },
                  "submittedVia": {
                    "type": [
                      "string",
                      "null"
                    ]
                  }
                },
                "required": [
                  "supplierId",
                  "supplierName",
                  "eliminated",
                  "eliminatedAt",
                  "eliminatedReason",
                  "offerReceived",
                  "submittedAt",
                  "revision",
                  "submittedVia"
                ]
              }
            },
            "offersReceived": {
              "type": "integer"
            }
          },
          "required": [
            "number",
            "deadline",
            "bestAndFinal",
            "status",
            "closedAt",
            "closedBy",
            "openedBy",
            "createdAt",
            "participants",
            "offersReceived"
          ]
        }
      },
      "total": {
        "type": "integer"
      }
    },
    "required": [
      "items",
      "total"
    ]
  },
  "ScoreBoard": {
    "type": "object",
    "properties": {
      "caseId": {
        "type": "string",
        "format": "uuid"
      },
      "criteria": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "criterionId": {
              "type": "string",
              "format": "uuid"
            },
            "name": {
              "type": "string"
            },
            "completedByYou": {
              "type": [
                "boolean",
                "null"
              ]
            }
          },
          "required": [
            "criterionId",
            "name",
            "completedByYou"
          ]
        }
      },
      "suppliers": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "supplierId": {
              "type": "string",
              "format": "uuid"
            },
            "supplierName": {
              "type": "string"
            },
            "ranked": {
              "type": "boolean"
            }
          },
          "required": [
            "supplierId",
            "supplierName",
            "ranked"
          ]
        }
      },
      "items": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "criterionId": {
              "type": "string",
              "format": "uuid"
            },
            "criterionName": {
              "type": "string"
            },
            "supplierId": {
              "type": "string",
              "format": "uuid"
            },
            "supplierName": {
              "type": "string"
            },
            "ranked": {
              "type": "boolean"
            },
            "visible": {
              "type": "boolean"
            },
            "own": {
              "type": [
                "object",
                "null"
              ],
              "properties": {
                "score": {
                  "type": "number"
                },
                "comment": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "updatedAt": {
                  "type": "string",
                  "format": "date-time"
                }
              },
              "required": [
                "score",
                "comment",
                "updatedAt"
              ]
            },
            "scores": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "evaluatorId": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "evaluatorName": {
                    "type": "string"
                  },
                  "score": {
                    "type": "number"
                  },
                  "comment": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "updatedAt": {
                    "type": "string",
                    "format": "date-time"
                  }
                },
                "required": [
                  "evaluatorId",
                  "evaluatorName",
                  "score",
                  "comment",
                  "updatedAt"
                ]
              }
            },
            "mean": {
              "type": [
                "number",
                "null"
              ]
            },
            "count": {
              "type": [
                "integer",
                "null"
              ]
            },
            "spread": {
              "type": [
                "number",
                "null"
              ]
            },
            "consensusNeeded": {
              "type": [
                "boolean",
                "null"
              ]
            }
          },
          "required": [
            "criterionId",
            "criterionName",
            "supplierId",
            "supplierName",
            "ranked",
            "visible",
            "own",
            "scores",
            "mean",
            "count",
            "spread",
            "consensusNeeded"
          ]
        }
      }
    },
    "required": [
      "caseId",
      "criteria",
      "suppliers",
      "items"
    ]
  },
  "ScoresSaved": {
    "type": "object",
    "properties": {
      "caseId": {
        "type": "string",
        "format": "uuid"
      },
      "criteria": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "criterionId": {
              "type": "string",
              "format": "uuid"
            },
            "name": {
              "type": "string"
            },
            "completedByYou": {
              "type": "boolean"
            }
          },
          "required": [
            "criterionId",
            "name",
            "completedByYou"
          ]
        }
      },
      "suppliers": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "supplierId": {
              "type": "string",
              "format": "uuid"
            },
            "supplierName": {
              "type": "string"
            },
            "ranked": {
              "type": "boolean"
            }
          },
          "required": [
            "supplierId",
            "supplierName",
            "ranked"
          ]
        }
      },
      "items": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "criterionId": {
              "type": "string",
              "format": "uuid"
            },
            "criterionName": {
              "type": "string"
            },
            "supplierId": {
              "type": "string",
              "format": "uuid"
            },
            "supplierName": {
              "type": "string"
            },
            "ranked": {
              "type": "boolean"
            },
            "visible": {
              "type": "boolean"
            },
            "own": {
              "type": [
                "object",
                "null"
              ],
              "properties": {
                "score": {
                  "type": "number"
                },
                "comment": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "updatedAt": {
                  "type": "string",
                  "format": "date-time"
                }
              },
              "required": [
                "score",
                "comment",
                "updatedAt"
              ]
            },
            "scores": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "evaluatorId": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "evaluatorName": {
                    "type": "string"
                  },
                  "score": {
                    "type": "number"
                  },
                  "comment": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "updatedAt": {
                    "type": "string",
                    "format": "date-time"
                  }
                },
                "required": [
                  "evaluatorId",
                  "evaluatorName",
                  "score",
                  "comment",
                  "updatedAt"
                ]
              }
            },
            "mean": {
              "type": [
                "number",
                "null"
              ]
            },
            "count": {
              "type": [
                "integer",
                "null"
              ]
            },
            "spread": {
              "type": [
                "number",
                "null"
              ]
            },
            "consensusNeeded": {
              "type": [
                "boolean",
                "null"
              ]
            }
          },
          "required": [
            "criterionId",
            "criterionName",
            "supplierId",
            "supplierName",
            "ranked",
            "visible",
            "own",
            "scores",
            "mean",
            "count",
            "spread",
            "consensusNeeded"
          ]
        }
      }
    },
    "required": [
      "caseId",
      "criteria",
      "suppliers",
      "items"
    ]
  },
  "Sensitivity": {
    "type": "object",
    "properties": {
      "caseId": {
        "type": "string",
        "format": "uuid"
      },
      "asOf": {
        "type": "string",
        "format": "date"
      },
      "threshold": {
        "type": "number"
      },
      "winner": {
        "type": "string",
        "format": "uuid"
      },
      "winnerName": {
        "type": "string"
      },
      "runnerUp": {
        "type": "string",
        "format": "uuid"
      },
      "runnerUpName": {
        "type": "string"
      },
      "criteria": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "criterionId": {
              "type": "string",
              "format": "uuid"
            },
            "name": {
              "type": "string"
            },
            "delta": {
              "type": [
                "number",
                "null"
              ]
            },
            "percent": {
              "type": [
                "number",
                "null"
              ]
            },
            "feasible": {
              "type": "boolean"
            },
            "overtakenBy": {
              "type": [
                "string",
                "null"
              ],
              "format": "uuid"
            },
            "overtakenByName": {
              "type": [
                "string",
                "null"
              ]
            },
            "shownChange": {
              "type": [
                "number",
                "null"
              ]
            },
            "shownOvertakenBy": {
              "type": [
                "string",
                "null"
              ],
              "format": "uuid"
            }
          },
          "required": [
            "criterionId",
            "name",
            "delta",
            "percent",
            "feasible",
            "overtakenBy",
            "overtakenByName",
            "shownChange",
            "shownOvertakenBy"
          ]
        }
      },
      "mostCritical": {
        "type": "string",
        "format": "uuid"
      },
      "priceCutToWin": {
        "type": "object",
        "properties": {
          "supplierId": {
            "type": "string",
            "format": "uuid"
          },
          "supplierName": {
            "type": "string"
          },
          "criterionId": {
            "type": "string",
            "format": "uuid"
          },
          "currency": {
            "type": "string"
          },
          "fromPrice": {
            "type": "string"
          },
          "toPrice": {
            "type": "string"
          },
          "cut": {
            "type": "string"
          },
          "percent": {
            "type": "number"
          }
        },
        "required": [
          "supplierId",
          "supplierName",
          "criterionId",
          "currency",
          "fromPrice",
          "toPrice",
          "cut",
          "percent"
        ]
      },
      "sensitive": {
        "type": "boolean"
      },
      "closeCall": {
        "type": "object",
        "properties": {
          "priceCutPercent": {
            "type": "number"
          },
          "threshold": {
            "type": "number"
          },
          "close": {
            "type": "boolean"
          }
        },
        "required": [
          "priceCutPercent",
          "threshold",
          "close"
        ]
      },
      "scoreChanges": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "criterionId": {
              "type": "string",
              "format": "uuid"
            },
            "supplierId": {
              "type": "string",
              "format": "uuid"
            },
            "change": {
              "type": "number"
            }
          },
          "required": [
            "criterionId",
            "supplierId",
            "change"
          ]
        }
      },
      "gap": {
        "type": "number"
      }
    },
    "required": [
      "caseId",
      "asOf",
      "threshold",
      "winner",
      "winnerName",
      "runnerUp",
      "runnerUpName",
      "criteria",
      "mostCritical",
      "priceCutToWin",
      "sensitive",
      "closeCall",
      "scoreChanges",
      "gap"
    ]
  },
  "Shortlist": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "supplierId": {
              "type": "string",
              "format": "uuid"
            },
            "legalName": {
              "type": "string"
            },
            "country": {
              "type": "string"
            },
            "supplierStatus": {
              "type": "string"
            },
            "status": {
              "type": "string"
            },
            "reason": {
              "type": [
                "string",
                "null"
              ]
            },
            "addedBy": {
              "type": "string",
              "format": "uuid"
            },
            "createdAt": {
              "type": "string",
              "format": "date-time"
            },
            "updatedAt": {
              "type": "string",
              "format": "date-time"
            }
          },
          "required": [
            "supplierId",
            "legalName",
            "country",
            "supplierStatus",
            "status",
            "reason",
            "addedBy",
            "createdAt",
            "updatedAt"
          ]
        }
      },
      "total": {
        "type": "integer"
      },
      "shortlisted": {
        "type": "integer"
      },
      "excluded": {
        "type": "integer"
      },
      "minimum": {
        "type": "integer"
      },
      "soleSourceJustification": {
        "type": [
          "string",
          "null"
        ]
      },
      "approval": {
        "type": "object",
        "properties": {
          "approved": {
            "type": "boolean"
          },
          "approvedAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "approvedBy": {
            "type": [
              "string",
              "null"
            ],
            "format": "uuid"
          }
        },
        "required": [
          "approved",
          "approvedAt",
          "approvedBy"
        ]
      }
    },
    "required": [
      "items",
      "total",
      "shortlisted",
      "excluded",
      "minimum",
      "soleSourceJustification",
      "approval"
    ]
  },
  "ShortlistEntry": {
    "type": "object",
    "properties": {
      "supplierId": {
        "type": "string",
        "format": "uuid"
      },
      "legalName": {
        "type": "string"
      },
      "country": {
        "type": "string"
      },
      "supplierStatus": {
        "type": "string"
      },
      "status": {
        "type": "string"
      },
      "reason": {
        "type": [
          "string",
          "null"
        ]
      },
      "addedBy": {
        "type": "string",
        "format": "uuid"
      },
      "createdAt": {
        "type": "string",
        "format": "date-time"
      },
      "updatedAt": {
        "type": "string",
        "format": "date-time"
      }
    },
    "required": [
      "supplierId",
      "legalName",
      "country",
      "supplierStatus",
      "status",
      "reason",
      "addedBy",
      "createdAt",
      "updatedAt"
    ]
  },
  "ShortlistSuggestionPage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "supplierId": {
              "type": "string",
              "format": "uuid"
            },
            "legalName": {
              "type": "string"
            },
            "country": {
              "type": "string"
            },
            "score": {
              "type": "number"
            },
            "parts": {
              "type": "object",
              "properties": {
                "otif": {
                  "type": "number"
                },
                "quality": {
                  "type": "number"
                },
                "certifications": {
                  "type": "integer"
                },
                "financial": {
                  "type": "number"
                }
              },
              "required": [
                "otif",
                "quality",
                "certifications",
                "financial"
              ]
            },
            "fails": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "requirementId": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "reason": {
                    "type": "string"
                  }
                },
                "required": [
                  "requirementId",
                  "reason"
                ]
              }
            },
            "eligible": {
              "type": "boolean"
            },
            "incumbent": {
              "type": "boolean"
            },
            "alreadyShortlisted": {
              "type": "boolean"
            },
            "shortlistStatus": {
              "type": [
                "string",
                "null"
              ]
            }
          },
          "required": [
            "supplierId",
            "legalName",
            "country",
            "score",
            "parts",
            "fails",
            "eligible",
            "incumbent",
            "alreadyShortlisted",
            "shortlistStatus"
          ]
        }
      },
      "total": {
        "type": "integer"
      },
      "category": {
        "type": "string"
      },
      "asOf": {
        "type": "string",
        "format": "date"
      }
    },
    "required": [
      "items",
      "total",
      "category",
      "asOf"
    ]
  },
  "Specification": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string",
        "format": "uuid"
      },
      "caseId": {
        "type": "string",
        "format": "uuid"
      },
      "version": {
        "type": "integer"
      },
      "frozen": {
        "type": "boolean"
      },
      "frozenAt": {
        "type": [
          "string",
          "null"
        ],
        "format": "date-time"
      },
      "description": {
        "type": "string"
      },
      "deliverables": {
        "type": "string"
      },
      "quantity": {
        "type": [
          "integer",
          "null"
        ]
      },
      "requirements": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "id": {
              "type": "string",
              "format": "uuid"
            },
            "text": {
              "type": "string"
            },
            "type": {
              "type": "string"
            },
            "value": {
              "anyOf": [
                {
                  "type": "boolean"
                },
                {
                  "type": "integer"
                },
                {
                  "type": "string"
                },
                {
                  "type": "null"
                }
              ]
            }
          },
          "required": [
            "id",
            "text",
            "type",
            "value"
          ]
        }
      },
      "criteria": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "id": {
              "type": "string",
              "format": "uuid"
            },
            "kind": {
              "type": "string"
            },
            "name": {
              "type": "string"
            },
            "source": {
              "type": "string"
            },
            "weight": {
              "type": "number"
            },
            "direction": {
              "type": "string"
            },
            "normalization": {
              "type": "string"
            },
            "normalizedWeight": {
              "type": "number"
            }
          },
          "required": [
            "id",
            "kind",
            "name",
            "source",
            "weight",
            "direction",
            "normalization",
            "normalizedWeight"
          ]
        }
      },
      "ahp": {
        "type": [
          "object",
          "null"
        ],
        "properties": {
          "ci": {
            "type": "number"
          },
          "cr": {
            "type": "number"
          },
          "matrix": {
            "type": "array",
            "items": {
              "type": "array",
              "items": {
                "type": "number"
              }
            }
          },
          "reason": {
            "type": [
              "string",
              "null"
            ]
          },
          "weights": {
            "type": "array",
            "items": {
              "type": "number"
            }
          },
          "criteria": {
            "type": "array",
            "items": {
              "type": "string",
              "format": "uuid"
            }
          },
          "appliedAt": {
            "type": "string",
            "format": "date-time"
          },
          "appliedBy": {
            "type": "string",
            "format": "uuid"
          },
          "lambdaMax": {
            "type": "number"
          },
          "consistent": {
            "type": "boolean"
          },
          "acceptedInconsistency": {
            "type": "boolean"
          }
        },
        "required": [
          "ci",
          "cr",
          "matrix",
          "reason",
          "weights",
          "criteria",
          "appliedAt",
          "appliedBy",
          "lambdaMax",
          "consistent",
          "acceptedInconsistency"
        ]
      },
      "reason": {
        "type": [
          "string",
          "null"
        ]
      },
      "createdBy": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "format": "uuid"
          },
          "name": {
            "type": "string"
          }
        },
        "required": [
          "id",
          "name"
        ]
      },
      "createdAt": {
        "type": "string",
        "format": "date-time"
      },
      "updatedAt": {
        "type": "string",
        "format": "date-time"
      }
    },
    "required": [
      "id",
      "caseId",
      "version",
      "frozen",
      "frozenAt",
      "description",
      "deliverables",
      "quantity",
      "requirements",
      "criteria",
      "ahp",
      "reason",
      "createdBy",
      "createdAt",
      "updatedAt"
    ]
  },
  "SpecificationVersionPage": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "id": {
              "type": "string",
              "format": "uuid"
            },
            "version": {
              "type": "integer"
            },
            "frozen": {
              "type": "boolean"
            },
            "frozenAt": {
              "type": [
                "string",
                "null"
              ],
              "format": "date-time"
            },
            "createdBy": {
              "type": "object",
              "properties": {
                "id": {
                  "type": "string",
                  "format": "uuid"
                },
                "name": {
                  "type": "string"
                }
              },
              "required": [
                "id",
                "name"
              ]
            },
            "createdAt": {
              "type": "string",
              "format": "date-time"
            },
            "updatedAt": {
              "type": "string",
              "format": "date-time"
            },
            "reason": {
              "type": [
                "string",
                "null"
              ]
            },
            "criteria": {
              "type": "integer"
            },
            "requirements": {
              "type": "integer"
            },
            "diff": {
              "type": [
                "object",
                "null"
              ],
              "properties": {
                "changed": {
                  "type": "boolean"
                },
                "description": {
                  "type": "boolean"
                },
                "deliverables": {
                  "type": "boolean"
                },
                "quantity": {
                  "type": "boolean"
                },
                "requirements": {
                  "type": "object",
                  "properties": {
                    "added": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": true
                      }
                    },
                    "removed": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": true
                      }
                    },
                    "changed": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": true
                      }
                    },
                    "reordered": {
                      "type": "boolean"
                    }
                  },
                  "required": [
                    "added",
                    "removed",
                    "changed",
                    "reordered"
                  ]
                },
                "criteria": {
                  "type": "object",
                  "properties": {
                    "added": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": true
                      }
                    },
                    "removed": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": true
                      }
                    },
                    "changed": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": true
                      }
                    },
                    "reordered": {
                      "type": "boolean"
                    }
                  },
                  "required": [
                    "added",
                    "removed",
                    "changed",
                    "reordered"
                  ]
                },
                "weights": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {
                      "criterionId": {
                        "type": "string",
                        "format": "uuid"
                      },
                      "name": {
                        "type": "string"
                      },
                      "from": {
                        "type": "integer"
                      },
                      "to": {
                        "type": "integer"
                      },
                      "baseFrom": {
                        "type": "number"
                      },
                      "baseTo": {
                        "type": "number"
                      }
                    },
                    "required": [
                      "criterionId",
                      "name",
                      "from",
                      "to",
                      "baseFrom",
                      "baseTo"
                    ]
                  }
                }
              },
              "required": [
                "changed",
                "description",
                "deliverables",
                "quantity",
                "requirements",
                "criteria",
                "weights"
              ]
            }
          },
          "required": [
            "id",
            "version",
            "frozen",
            "frozenAt",
            "createdBy",
            "createdAt",
            "updatedAt",
            "reason",
            "criteria",
            "requirements",
            "diff"
          ]
        }
      },
      "total": {
        "type": "integer"
      }
    },
    "required": [
      "items",
      "total"
    ]
  },
  "StoredReportList": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "lang": {
              "type": "string"
            },
            "sha256": {
              "type": "string"
            },
            "createdAt": {
              "type": "string",
              "format": "date-time"
            }
          },
          "required": [
            "lang",
            "sha256",
            "createdAt"
          ]
        }
      }
    },
    "required": [
      "items"
    ]
  },
  "Supplier": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string",
        "format": "uuid"
      },
      "legalName": {
        "type": "string"
      },
      "taxId": {
        "type": "string"
      },
      "taxIdNormalized": {
        "type": "string"
      },
      "country": {
        "type": "string"
      },
      "categories": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "contacts": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "name": {
              "type": "string"
            },
            "email": {
              "type": "string"
            },
            "phone": {
              "type": "string"
            }
          },
          "required": [
            "name",
            "email"
          ]
        }
      },
      "certifications": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "name": {
              "type": "string"
            },
            "issuedOn": {
              "type": "string",
              "format": "date"
            },
            "expiresOn": {
              "type": "string",
              "format": "date"
            }
          },
          "required": [
            "name",
            "issuedOn",
            "expiresOn"
          ]
        }
      },
      "financialRisk": {
        "type": "number"
      },
      "status": {
        "type": "string"
      },
      "blockedReason": {
        "type": [
          "string",
          "null"
        ]
      },
      "createdAt": {
        "type": "string",
        "format": "date-time"
      },
      "updatedAt": {
        "type": "string",
        "format": "date-time"
      }
    },
    "required": [
      "id",
      "legalName",
      "taxId",
      "taxIdNormalized",
      "country",
      "categories",
      "contacts",
      "certifications",
      "financialRisk",
      "status",
      "blockedReason",
      "createdAt",
      "updatedAt"
    ]
  },
  "SupplierPage": {
    "type": "object",
    "required": [
      "items",
      "total"
    ],
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Supplier"
        }
      },
      "total": {
        "type": "integer",
        "minimum": 0
      }
    }
  },
  "User": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string",
        "format": "uuid"
      },
      "name": {
        "type": "string"
      },
      "email": {
        "type": "string"
      },
      "orgRole": {
        "type": "string"
      },
      "executive": {
        "type": "boolean"
      },
      "createdAt": {
        "type": "string",
        "format": "date-time"
      }
    },
    "required": [
      "id",
      "name",
      "email",
      "orgRole",
      "executive",
      "createdAt"
    ]
  },
  "UserPage": {
    "type": "object",
    "required": [
      "items",
      "total"
    ],
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/User"
        }
      },
      "total": {
        "type": "integer",
        "minimum": 0
      }
    }
  },
  "Robustness": {
    "type": "object",
    "properties": {
      "samples": {
        "type": "integer"
      },
      "spread": {
        "type": "number"
      },
      "seed": {
        "type": "string"
      },
      "suppliers": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "supplierId": {
              "type": "string",
              "format": "uuid"
            },
            "acceptability": {
              "type": "array",
              "items": {
                "type": "number"
              }
            },
            "firstRank": {
              "type": "number"
            },
            "centralWeights": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "criterionId": {
                    "type": "string",
                    "format": "uuid"
                  },
                  "weight": {
                    "type": "number"
                  }
                },
                "required": [
                  "criterionId",
                  "weight"
                ]
              }
            },
            "confidence": {
              "type": "number"
            }
          },
          "required": [
            "supplierId",
            "acceptability",
            "firstRank",
            "centralWeights",
            "confidence"
          ]
        }
      }
    },
    "required": [
      "samples",
      "spread",
      "seed",
      "suppliers"
    ]
  }
};
