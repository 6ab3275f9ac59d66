// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:4e2d5e643dc932c0
// @ts-nocheck: the validator bodies are ajv's standalone code, untyped JavaScript that no strict
// tsconfig accepts as TypeScript. Each export is declared `ValidateFunction`, which is what importers
// and declaration emit see; ajv's own tests vouch for the code itself.
import type { ValidateFunction } from "celerity";
import * as __ajv_formats_dist_formats_namespace from "ajv-formats/dist/formats.js";
import * as __ajv_dist_runtime_ucs2length_namespace from "ajv/dist/runtime/ucs2length.js";

// ajv's helpers are CommonJS modules marked `__esModule`. Node and Deno give a namespace whose
// `default` is `module.exports`; Bun and bundlers give one whose `default` is `exports.default`.
// Either way this returns the exports object the standalone code was written against.
function moduleExports(namespace) {
  const main = namespace.default;
  return main !== null && (typeof main === "object" || typeof main === "function") && main.__esModule ? main : namespace;
}
const __ajv_formats_dist_formats = moduleExports(__ajv_formats_dist_formats_namespace);
const __ajv_dist_runtime_ucs2length = moduleExports(__ajv_dist_runtime_ucs2length_namespace);

export const args_core$ping: ValidateFunction = validate10;
const schema11 = {"type":"object","additionalProperties":false};

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
  }
  else {
    const err1 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err1];
    }
    else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}

export const result_core$ping: ValidateFunction = validate11;
const schema12 = {"const":"pong"};

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  if("pong" !== data){
    const err0 = {instancePath,schemaPath:"#/const",keyword:"const",params:{allowedValue: "pong"},message:"must be equal to constant"};
    if(vErrors === null){
      vErrors = [err0];
    }
    else {
      vErrors.push(err0);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}

export const args_emails$announce: ValidateFunction = validate12;
const schema13 = {"type":"object","required":["subject"],"additionalProperties":false,"properties":{"subject":{"type":"string","minLength":1}}};
const func0 = Object.prototype.hasOwnProperty;
const func47 = __ajv_dist_runtime_ucs2length.default;

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if((data.subject === undefined) || (!(func0.call(data, "subject")))){
      const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "subject"},message:"must have required property '"+"subject"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      if(!(key0 === "subject")){
        const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
        if(vErrors === null){
          vErrors = [err1];
        }
        else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if(data.subject !== undefined && func0.call(data, "subject")){
      let data0 = data.subject;
      const _errs2 = errors;
      const _errs3 = errors;
      if(typeof data0 === "string"){
        if(func47(data0) < 1){
          const err2 = {instancePath:instancePath+"/subject",schemaPath:"#/properties/subject/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
          if(vErrors === null){
            vErrors = [err2];
          }
          else {
            vErrors.push(err2);
          }
          errors++;
        }
      }
      else {
        const err3 = {instancePath:instancePath+"/subject",schemaPath:"#/properties/subject/type",keyword:"type",params:{type: "string"},message:"must be string"};
        if(vErrors === null){
          vErrors = [err3];
        }
        else {
          vErrors.push(err3);
        }
        errors++;
      }
      var valid0 = _errs2 === errors;
    }
  }
  else {
    const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err4];
    }
    else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate12.errors = vErrors;
  return errors === 0;
}

export const result_emails$announce: ValidateFunction = validate13;
const schema14 = {"type":"object","properties":{"sent":{"type":"integer"}},"required":["sent"],"additionalProperties":false};

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if((data.sent === undefined) || (!(func0.call(data, "sent")))){
      const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "sent"},message:"must have required property '"+"sent"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      if(!(key0 === "sent")){
        const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
        if(vErrors === null){
          vErrors = [err1];
        }
        else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if(data.sent !== undefined && func0.call(data, "sent")){
      let data0 = data.sent;
      const _errs2 = errors;
      if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
        const err2 = {instancePath:instancePath+"/sent",schemaPath:"#/properties/sent/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
        if(vErrors === null){
          vErrors = [err2];
        }
        else {
          vErrors.push(err2);
        }
        errors++;
      }
      const _errs3 = errors;
      var valid0 = _errs2 === errors;
    }
  }
  else {
    const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err3];
    }
    else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate13.errors = vErrors;
  return errors === 0;
}

export const args_emails$send_welcome: ValidateFunction = validate14;
const schema15 = {"type":"object","required":["userId"],"additionalProperties":false,"properties":{"userId":{"type":"integer","minimum":1},"locale":{"type":"string","enum":["en","de","fr"],"default":"en"}}};

function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if(data.locale === undefined){
      data.locale = "en";
    }
    if((data.userId === undefined) || (!(func0.call(data, "userId")))){
      const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "userId"},message:"must have required property '"+"userId"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      if(!((key0 === "userId") || (key0 === "locale"))){
        const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
        if(vErrors === null){
          vErrors = [err1];
        }
        else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if(data.userId !== undefined && func0.call(data, "userId")){
      let data0 = data.userId;
      const _errs2 = errors;
      if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
        const err2 = {instancePath:instancePath+"/userId",schemaPath:"#/properties/userId/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
        if(vErrors === null){
          vErrors = [err2];
        }
        else {
          vErrors.push(err2);
        }
        errors++;
      }
      const _errs3 = errors;
      if((typeof data0 == "number") && (isFinite(data0))){
        if(data0 < 1 || isNaN(data0)){
          const err3 = {instancePath:instancePath+"/userId",schemaPath:"#/properties/userId/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
          if(vErrors === null){
            vErrors = [err3];
          }
          else {
            vErrors.push(err3);
          }
          errors++;
        }
      }
      var valid0 = _errs2 === errors;
    }
    let data1 = data.locale;
    const _errs4 = errors;
    if(typeof data1 !== "string"){
      const err4 = {instancePath:instancePath+"/locale",schemaPath:"#/properties/locale/type",keyword:"type",params:{type: "string"},message:"must be string"};
      if(vErrors === null){
        vErrors = [err4];
      }
      else {
        vErrors.push(err4);
      }
      errors++;
    }
    const _errs5 = errors;
    const vSchema0 = schema15.properties.locale.enum;
    if(!(((data1 === "en") || (data1 === "de")) || (data1 === "fr"))){
      const err5 = {instancePath:instancePath+"/locale",schemaPath:"#/properties/locale/enum",keyword:"enum",params:{allowedValues: schema15.properties.locale.enum},message:"must be equal to one of the allowed values"};
      if(vErrors === null){
        vErrors = [err5];
      }
      else {
        vErrors.push(err5);
      }
      errors++;
    }
    var valid0 = _errs4 === errors;
  }
  else {
    const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err6];
    }
    else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate14.errors = vErrors;
  return errors === 0;
}

export const result_emails$send_welcome: ValidateFunction = validate15;
const schema16 = {"type":"object","properties":{"messageId":{"type":"string"}},"required":["messageId"]};

function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if((data.messageId === undefined) || (!(func0.call(data, "messageId")))){
      const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "messageId"},message:"must have required property '"+"messageId"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    if(data.messageId !== undefined && func0.call(data, "messageId")){
      let data0 = data.messageId;
      const _errs1 = errors;
      if(typeof data0 !== "string"){
        const err1 = {instancePath:instancePath+"/messageId",schemaPath:"#/properties/messageId/type",keyword:"type",params:{type: "string"},message:"must be string"};
        if(vErrors === null){
          vErrors = [err1];
        }
        else {
          vErrors.push(err1);
        }
        errors++;
      }
      const _errs2 = errors;
      var valid0 = _errs1 === errors;
    }
  }
  else {
    const err2 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err2];
    }
    else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate15.errors = vErrors;
  return errors === 0;
}

export const args_flaky$fetch: ValidateFunction = validate16;
const schema17 = {"type":"object","required":["failTimes"],"additionalProperties":false,"properties":{"failTimes":{"type":"integer","minimum":0}}};

function validate16(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if((data.failTimes === undefined) || (!(func0.call(data, "failTimes")))){
      const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "failTimes"},message:"must have required property '"+"failTimes"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      if(!(key0 === "failTimes")){
        const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
        if(vErrors === null){
          vErrors = [err1];
        }
        else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if(data.failTimes !== undefined && func0.call(data, "failTimes")){
      let data0 = data.failTimes;
      const _errs2 = errors;
      if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
        const err2 = {instancePath:instancePath+"/failTimes",schemaPath:"#/properties/failTimes/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
        if(vErrors === null){
          vErrors = [err2];
        }
        else {
          vErrors.push(err2);
        }
        errors++;
      }
      const _errs3 = errors;
      if((typeof data0 == "number") && (isFinite(data0))){
        if(data0 < 0 || isNaN(data0)){
          const err3 = {instancePath:instancePath+"/failTimes",schemaPath:"#/properties/failTimes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
          if(vErrors === null){
            vErrors = [err3];
          }
          else {
            vErrors.push(err3);
          }
          errors++;
        }
      }
      var valid0 = _errs2 === errors;
    }
  }
  else {
    const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err4];
    }
    else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate16.errors = vErrors;
  return errors === 0;
}

export const result_flaky$fetch: ValidateFunction = validate17;
const schema18 = {"type":"object","required":["attempts"],"additionalProperties":false,"properties":{"attempts":{"type":"integer"}}};

function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if((data.attempts === undefined) || (!(func0.call(data, "attempts")))){
      const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "attempts"},message:"must have required property '"+"attempts"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      if(!(key0 === "attempts")){
        const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
        if(vErrors === null){
          vErrors = [err1];
        }
        else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if(data.attempts !== undefined && func0.call(data, "attempts")){
      let data0 = data.attempts;
      const _errs2 = errors;
      if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
        const err2 = {instancePath:instancePath+"/attempts",schemaPath:"#/properties/attempts/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
        if(vErrors === null){
          vErrors = [err2];
        }
        else {
          vErrors.push(err2);
        }
        errors++;
      }
      const _errs3 = errors;
      var valid0 = _errs2 === errors;
    }
  }
  else {
    const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err3];
    }
    else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate17.errors = vErrors;
  return errors === 0;
}

export const args_math$add: ValidateFunction = validate18;
const schema19 = {"type":"object","required":["a","b"],"additionalProperties":false,"properties":{"a":{"type":"number"},"b":{"type":"number"}}};

function validate18(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if((data.a === undefined) || (!(func0.call(data, "a")))){
      const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "a"},message:"must have required property '"+"a"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    if((data.b === undefined) || (!(func0.call(data, "b")))){
      const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "b"},message:"must have required property '"+"b"+"'"};
      if(vErrors === null){
        vErrors = [err1];
      }
      else {
        vErrors.push(err1);
      }
      errors++;
    }
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      if(!((key0 === "a") || (key0 === "b"))){
        const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
        if(vErrors === null){
          vErrors = [err2];
        }
        else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if(data.a !== undefined && func0.call(data, "a")){
      let data0 = data.a;
      const _errs2 = errors;
      if(!((typeof data0 == "number") && (isFinite(data0)))){
        const err3 = {instancePath:instancePath+"/a",schemaPath:"#/properties/a/type",keyword:"type",params:{type: "number"},message:"must be number"};
        if(vErrors === null){
          vErrors = [err3];
        }
        else {
          vErrors.push(err3);
        }
        errors++;
      }
      const _errs3 = errors;
      var valid0 = _errs2 === errors;
    }
    if(data.b !== undefined && func0.call(data, "b")){
      let data1 = data.b;
      const _errs4 = errors;
      if(!((typeof data1 == "number") && (isFinite(data1)))){
        const err4 = {instancePath:instancePath+"/b",schemaPath:"#/properties/b/type",keyword:"type",params:{type: "number"},message:"must be number"};
        if(vErrors === null){
          vErrors = [err4];
        }
        else {
          vErrors.push(err4);
        }
        errors++;
      }
      const _errs5 = errors;
      var valid0 = _errs4 === errors;
    }
  }
  else {
    const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err5];
    }
    else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate18.errors = vErrors;
  return errors === 0;
}

export const result_math$add: ValidateFunction = validate19;
const schema20 = {"type":"number"};

function validate19(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  if(!((typeof data == "number") && (isFinite(data)))){
    const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "number"},message:"must be number"};
    if(vErrors === null){
      vErrors = [err0];
    }
    else {
      vErrors.push(err0);
    }
    errors++;
  }
  const _errs0 = errors;
  validate19.errors = vErrors;
  return errors === 0;
}

export const args_reports$nightly: ValidateFunction = validate20;
const schema21 = {"type":"object","additionalProperties":false,"properties":{"day":{"type":"string","format":"date","description":"The day to report on (YYYY-MM-DD)."},"format":{"type":"string","enum":["pdf","csv"],"default":"pdf"}}};
const formats0 = __ajv_formats_dist_formats.fullFormats.date;

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if(data.format === undefined){
      data.format = "pdf";
    }
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      if(!((key0 === "day") || (key0 === "format"))){
        const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
        if(vErrors === null){
          vErrors = [err0];
        }
        else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if(data.day !== undefined && func0.call(data, "day")){
      let data0 = data.day;
      const _errs2 = errors;
      const _errs3 = errors;
      if((typeof data0 == "number") && (isFinite(data0))){
      }
      if(typeof data0 === "string"){
        if(!(formats0.validate(data0))){
          const err1 = {instancePath:instancePath+"/day",schemaPath:"#/properties/day/format",keyword:"format",params:{format: "date"},message:"must match format \""+"date"+"\""};
          if(vErrors === null){
            vErrors = [err1];
          }
          else {
            vErrors.push(err1);
          }
          errors++;
        }
      }
      else {
        const err2 = {instancePath:instancePath+"/day",schemaPath:"#/properties/day/type",keyword:"type",params:{type: "string"},message:"must be string"};
        if(vErrors === null){
          vErrors = [err2];
        }
        else {
          vErrors.push(err2);
        }
        errors++;
      }
      var valid0 = _errs2 === errors;
    }
    let data1 = data.format;
    const _errs4 = errors;
    if(typeof data1 !== "string"){
      const err3 = {instancePath:instancePath+"/format",schemaPath:"#/properties/format/type",keyword:"type",params:{type: "string"},message:"must be string"};
      if(vErrors === null){
        vErrors = [err3];
      }
      else {
        vErrors.push(err3);
      }
      errors++;
    }
    const _errs5 = errors;
    const vSchema0 = schema21.properties.format.enum;
    if(!((data1 === "pdf") || (data1 === "csv"))){
      const err4 = {instancePath:instancePath+"/format",schemaPath:"#/properties/format/enum",keyword:"enum",params:{allowedValues: schema21.properties.format.enum},message:"must be equal to one of the allowed values"};
      if(vErrors === null){
        vErrors = [err4];
      }
      else {
        vErrors.push(err4);
      }
      errors++;
    }
    var valid0 = _errs4 === errors;
  }
  else {
    const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err5];
    }
    else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}

export const result_reports$nightly: ValidateFunction = validate21;
const schema22 = {"type":"object","required":["url"],"additionalProperties":false,"properties":{"url":{"type":"string"}}};

function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if((data.url === undefined) || (!(func0.call(data, "url")))){
      const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      if(!(key0 === "url")){
        const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
        if(vErrors === null){
          vErrors = [err1];
        }
        else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if(data.url !== undefined && func0.call(data, "url")){
      let data0 = data.url;
      const _errs2 = errors;
      if(typeof data0 !== "string"){
        const err2 = {instancePath:instancePath+"/url",schemaPath:"#/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
        if(vErrors === null){
          vErrors = [err2];
        }
        else {
          vErrors.push(err2);
        }
        errors++;
      }
      const _errs3 = errors;
      var valid0 = _errs2 === errors;
    }
  }
  else {
    const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err3];
    }
    else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
